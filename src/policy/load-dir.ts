/** Finds the Terraform JSON stacks under a directory: a CDKTF `cdktf.out`, one stack directory, or a tree of them. */
import * as fs from 'fs';
import * as path from 'path';
import { StackDocument } from './document';

function tfJsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.tf.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

function readStack(name: string, files: string[]): StackDocument {
  return new StackDocument(
    name,
    files.map((file) => {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`${file} is not valid JSON (${(error as Error).message}). Fix: point the pack at Terraform JSON (*.tf.json)`);
      }
    }),
  );
}

/**
 * `dir/stacks/<stack>/*.tf.json` (CDKTF output), `dir/*.tf.json` (one stack named after the
 * directory), or `dir/<stack>/*.tf.json`; a single `.tf.json` file is a stack of its own.
 */
export function loadStacks(target: string): StackDocument[] {
  if (!fs.existsSync(target)) throw new Error(`${target} does not exist. Fix: pass a directory of Terraform JSON, e.g. cdktf.out`);
  if (fs.statSync(target).isFile()) return [readStack(path.basename(target).replace(/\.tf\.json$|\.json$/, ''), [target])];
  const root = fs.existsSync(path.join(target, 'stacks')) ? path.join(target, 'stacks') : target;
  const own = tfJsonFiles(root);
  if (own.length > 0) return [readStack(path.basename(path.resolve(root)), own)];
  const stacks = fs
    .readdirSync(root)
    .sort()
    .filter((d) => fs.statSync(path.join(root, d)).isDirectory())
    .map((d) => ({ name: d, files: tfJsonFiles(path.join(root, d)) }))
    .filter((s) => s.files.length > 0)
    .map((s) => readStack(s.name, s.files));
  if (stacks.length === 0) throw new Error(`no *.tf.json found in ${target} or its subdirectories. Fix: run \`npm run synth\` or point at a Terraform JSON directory`);
  return stacks;
}
