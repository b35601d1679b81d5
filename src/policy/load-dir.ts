/**
 * Finds the Terraform stacks under a directory: a CDKTF `cdktf.out`, one stack directory, or a tree
 * of them. A stack is the `*.tf.json` and `*.tf` files of one directory, as Terraform reads them;
 * HCL files go through HashiCorp's parser, and every `jsonencode` is read by it too.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from '../core/input-error';
import { readTerraformJson, StackDocument } from '../terraform-json/document';
import { decodeDocuments, parseHclFile } from '../terraform-json/decode';

type Json = Record<string, unknown>;

const isTerraformFile = (f: string) => f.endsWith('.tf.json') || f.endsWith('.tf');

function terraformFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter(isTerraformFile)
    .sort()
    .map((f) => path.join(dir, f));
}

async function readFile(file: string): Promise<Json> {
  if (!file.endsWith('.tf')) {
    try {
      return readTerraformJson(file) as Json;
    } catch (error) {
      throw new UsageError({ field: 'file', value: file, problem: `is not valid JSON (${(error as Error).message})`, fix: 'point the pack at Terraform (*.tf or *.tf.json)' });
    }
  }
  try {
    return await parseHclFile(path.basename(file), fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError({ field: 'file', value: file, problem: `is not valid HCL (${(error as Error).message})`, fix: 'run terraform validate in its directory' });
  }
}

async function readStack(name: string, files: string[]): Promise<StackDocument> {
  const stack = new StackDocument(name, await Promise.all(files.map(readFile)));
  await decodeDocuments(stack);
  return stack;
}

/**
 * `dir/stacks/<stack>/*` (CDKTF output), `dir/*.tf(.json)` (one stack named after the directory),
 * or `dir/<stack>/*.tf(.json)`; a single file is a stack of its own.
 */
export async function loadStacks(target: string): Promise<StackDocument[]> {
  if (!fs.existsSync(target)) throw new UsageError({ field: 'dir', value: target, problem: 'does not exist', fix: 'pass a directory of Terraform (*.tf or *.tf.json), e.g. cdktf.out' });
  if (fs.statSync(target).isFile()) return [await readStack(path.basename(target).replace(/\.tf\.json$|\.json$|\.tf$/, ''), [target])];
  const root = fs.existsSync(path.join(target, 'stacks')) ? path.join(target, 'stacks') : target;
  const own = terraformFiles(root);
  if (own.length > 0) return [await readStack(path.basename(path.resolve(root)), own)];
  const dirs = fs
    .readdirSync(root)
    .sort()
    .filter((d) => fs.statSync(path.join(root, d)).isDirectory())
    .map((d) => ({ name: d, files: terraformFiles(path.join(root, d)) }))
    .filter((s) => s.files.length > 0);
  if (dirs.length === 0) {
    throw new UsageError({ field: 'dir', value: target, problem: 'holds no *.tf or *.tf.json, nor do its subdirectories', fix: 'run `npm run synth` or point at a Terraform directory' });
  }
  return Promise.all(dirs.map((s) => readStack(s.name, s.files)));
}
