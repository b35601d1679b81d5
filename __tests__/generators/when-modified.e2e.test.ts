/**
 * Runs `npm run synth`, the command the Atlantis hook runs, with a recorder preloaded into every
 * Node process it starts (npm and the synth), and checks that every repository file the synth path
 * actually loaded or read appears in the `when_modified` patterns of each project it can affect.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { ENVIRONMENTS } from '../../src/config/load';
import { localImportClosure } from '../../src/generators/source-graph';
import { loadStackCatalog, REPO_ROOT } from '../../src/generators/stack-catalog';

/** Preloaded with NODE_OPTIONS: writes every module and every file read, per process, at exit. */
const RECORDER = `
const fs = require('fs');
const path = require('path');
const seen = new Set();
const note = (file) => { if (typeof file === 'string') seen.add(path.resolve(file)); };
for (const name of ['readFileSync', 'readFile', 'openSync', 'statSync']) {
  const original = fs[name];
  fs[name] = function (file, ...rest) { note(file); return original.call(this, file, ...rest); };
}
const promised = fs.promises.readFile;
fs.promises.readFile = function (file, ...rest) { note(file); return promised.call(this, file, ...rest); };
process.on('exit', () => {
  for (const file of Object.keys(require.cache)) seen.add(file);
  fs.writeFileSync(path.join(process.env.RECORD_DIR, process.pid + '.json'), JSON.stringify([...seen]));
});
`;

interface Project {
  name: string;
  autoplan: { when_modified: string[] };
}

/** Repository files (not node_modules, not the output) that `npm run synth` loaded or read. */
function filesTheSynthLoads(): string[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-loads-'));
  const recorder = path.join(work, 'recorder.js');
  const records = path.join(work, 'records');
  fs.mkdirSync(records);
  fs.writeFileSync(recorder, RECORDER);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${recorder}`, RECORD_DIR: records, CDKTF_OUTDIR: path.join(work, 'out') };
  delete env.ATLAS_ENVIRONMENTS;
  const result = spawnSync('npm', ['run', '--silent', 'synth'], { cwd: REPO_ROOT, env, encoding: 'utf8' });
  expect({ status: result.status, stderr: result.stderr.slice(-2000) }).toEqual({ status: 0, stderr: expect.any(String) });
  const files = new Set<string>();
  for (const record of fs.readdirSync(records)) {
    for (const file of JSON.parse(fs.readFileSync(path.join(records, record), 'utf8')) as string[]) {
      const relative = path.relative(REPO_ROOT, file).split(path.sep).join('/');
      if (relative.startsWith('..') || path.isAbsolute(relative) || relative === '') continue;
      if (/^(node_modules|cdktf\.out)\//.test(relative) || !fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
      files.add(relative);
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
  return [...files].sort();
}

const matches = (patterns: readonly string[], file: string) =>
  patterns.some((pattern) => {
    const relative = pattern.replace(/^(\.\.\/){3}/, '');
    return relative.endsWith('/**') ? file.startsWith(relative.slice(0, -2)) : relative === file;
  });

describe('when_modified against what a synth loads', () => {
  const loaded = filesTheSynthLoads();
  const stacks = loadStackCatalog();
  const projects = (parse(fs.readFileSync(path.join(REPO_ROOT, 'atlantis.yaml'), 'utf8')) as { projects: Project[] }).projects;
  const envFiles = Object.keys(ENVIRONMENTS).map((env) => `src/config/${env}.ts`);
  const closureOf = (file: string) => localImportClosure(REPO_ROOT, file, (f) => envFiles.includes(f));

  it("the synth path loads the loader and package.json, which every stack's output depends on", () => {
    expect(loaded).toEqual(expect.arrayContaining(['main.ts', 'package.json', 'scripts/swc-register.js', 'stacks/base-infra-stack.ts']));
  });

  it.each(projects.map((p) => [p.name, p] as const))('%s: every file the synth loads is a pattern, except files only other stacks or environments use', (_name, project) => {
    const stack = stacks.find((s) => s.name === project.name)!;
    const own = new Set(closureOf(stack.file));
    // Files reachable only from another stack's class, and other environments' config files,
    // cannot change this stack's JSON; everything else the synth loads can.
    const othersOnly = new Set(
      stacks
        .filter((s) => s.file !== stack.file)
        .flatMap((s) => closureOf(s.file))
        .filter((f) => !own.has(f)),
    );
    const otherEnvs = envFiles.filter((f) => !stack.environments.some((env) => f === `src/config/${env}.ts`));
    const required = loaded.filter((file) => !othersOnly.has(file) && !otherEnvs.includes(file));
    const missing = required.filter((file) => !matches(project.autoplan.when_modified, file));
    expect(missing).toEqual([]);
  });
});
