/**
 * The repository files a TypeScript or JavaScript file depends on, found by following its relative
 * imports and requires (type-only imports included: a changed type can change what is synthesized)
 * and the companion files it reads from its own directory.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Files read next to the source at synth time, e.g. a Lambda handler: `path.join(__dirname, 'x.js')`. */
const COMPANION = /path\.join\(__dirname,\s*'([^']+)'\)/g;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|(?:^|\n)\s*import\s+'(\.{1,2}\/[^']+)'/g;
/** CommonJS loads of a plain JavaScript file, e.g. the synth loader under scripts/. */
const REQUIRE = /\brequire\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

/**
 * Repository-relative paths (POSIX separators) of `entry` and every file it imports, sorted. Files
 * for which `skip` is true are neither listed nor followed.
 */
export function localImportClosure(root: string, entry: string, skip: (file: string) => boolean = () => false): string[] {
  const seen = new Set<string>();
  const pending = [path.resolve(root, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (seen.has(relative) || (relative !== entry && skip(relative))) continue;
    seen.add(relative);
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      pending.push(resolveModule(path.dirname(file), specifier, relative));
    }
    for (const match of source.matchAll(REQUIRE)) pending.push(resolveModule(path.dirname(file), match[1], relative));
    for (const match of source.matchAll(COMPANION)) pending.push(resolveModule(path.dirname(file), `./${match[1]}`, relative));
  }
  return [...seen].sort();
}

function resolveModule(fromDir: string, specifier: string, importer: string): string {
  const base = path.resolve(fromDir, specifier);
  for (const candidate of [`${base}.ts`, `${base}.js`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${importer} imports '${specifier}', which resolves to no file. Fix: correct the import path`);
}
