/**
 * What an application team does with the package, in a scratch directory outside this repository:
 * copy the example tenant project, install the packed tarball plus the peers, compile, synthesize.
 * The install is `npm ci --offline`: the scratch lock file is cut from this repository's own lock
 * file, so every peer comes from the npm cache this repository's `npm ci` filled, and the
 * project's own package comes from the tarball; no registry is needed.
 */
import { createHash } from 'crypto';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'api-tenant');

interface LockEntry {
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly inBundle?: boolean;
  readonly [key: string]: unknown;
}

export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly [key: string]: unknown;
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/**
 * npm's own environment of the parent run (`npm run test:e2e` sets npm_config_local_prefix to this
 * repository, npm_package_* ...) would point a child npm back at this repository: keep only the cache.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) || /^npm_config_cache$/i.test(key)) env[key] = value;
  }
  return { ...env, CHECKPOINT_DISABLE: '1' };
}

export function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** stdout, or an error with the command, its exit status and its output. */
export function runOk(command: string, args: readonly string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

export interface PackedTarball {
  readonly file: string;
  /** Paths inside the package, e.g. `dist/index.js`. */
  readonly files: string[];
  readonly size: number;
  readonly unpackedSize: number;
}

/** `npm pack` of this repository (its prepack builds dist/) into `destination`. */
export function packRepository(destination: string): PackedTarball {
  const [packed] = JSON.parse(runOk('npm', ['pack', '--json', '--pack-destination', destination], REPO_ROOT)) as [{ filename: string; size: number; unpackedSize: number; files: { path: string }[] }];
  return { file: path.join(destination, packed.filename), files: packed.files.map((f) => f.path).sort(), size: packed.size, unpackedSize: packed.unpackedSize };
}

/** The lock entry `name` resolves to from the package at `from`, the way Node walks node_modules up. */
function resolveInLock(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let base = from; ;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    base = base.slice(0, base.lastIndexOf('node_modules/')).replace(/\/$/, '');
  }
}

/**
 * The entries of this repository's lock file that `dependencies` need (with everything they depend
 * on and what their tarballs bundle), at the same paths, as a tenant's lock file would hold them.
 */
export function lockEntriesFor(dependencies: readonly string[]): Record<string, LockEntry> {
  const { packages } = readJson<{ packages: Record<string, LockEntry> }>(path.join(REPO_ROOT, 'package-lock.json'));
  const picked = new Map<string, LockEntry>();
  const add = (at: string): void => {
    if (picked.has(at)) return;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = packages[at];
    picked.set(at, entry);
    const optional = new Set(Object.keys(entry.optionalDependencies ?? {}));
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
      const found = resolveInLock(packages, at, name);
      if (found) add(found);
      else if (!optional.has(name) && !entry.peerDependencies?.[name]) {
        throw new Error(`${at} needs ${name}, which this repository's package-lock.json does not hold. Fix: run npm install in the repository`);
      }
    }
    // Bundled dependencies come inside the tarball, and the lock file lists them.
    for (const [nested, nestedEntry] of Object.entries(packages)) {
      if (nested.startsWith(`${at}/node_modules/`) && nestedEntry.inBundle) add(nested);
    }
  };
  for (const name of dependencies) {
    const found = resolveInLock(packages, '', name);
    if (!found) throw new Error(`${name} is not in this repository's package-lock.json. Fix: add it to devDependencies and run npm install`);
    add(found);
  }
  return Object.fromEntries([...picked].sort(([a], [b]) => a.localeCompare(b)));
}

function integrity(file: string): string {
  return `sha512-${createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;
}

/**
 * A copy of examples/api-tenant in `dir` whose package dependency is the tarball (vendor/), with a
 * lock file, installed with `npm ci --offline`.
 */
export function createTenantProject(dir: string, tarball: PackedTarball): void {
  const library = readJson<Manifest>(path.join(REPO_ROOT, 'package.json'));
  fs.cpSync(EXAMPLE, dir, { recursive: true, filter: (source) => !/(^|\/)(cdktf\.out|node_modules)$/.test(source) });
  fs.mkdirSync(path.join(dir, 'vendor'));
  const vendored = path.join('vendor', path.basename(tarball.file));
  fs.copyFileSync(tarball.file, path.join(dir, vendored));

  const manifest = readJson<Manifest>(path.join(dir, 'package.json'));
  if (!manifest.dependencies?.[library.name]) {
    throw new Error(`examples/api-tenant/package.json does not depend on ${library.name}. Fix: add "${library.name}": "^${library.version}" to its dependencies`);
  }
  const dependencies = { ...manifest.dependencies, [library.name]: `file:${vendored}` };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ ...manifest, dependencies }, null, 2)}\n`);

  const registryPackages = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => name !== library.name);
  const lock = {
    name: manifest.name,
    version: manifest.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: manifest.name, version: manifest.version, dependencies, devDependencies: manifest.devDependencies },
      [`node_modules/${library.name}`]: {
        version: library.version,
        resolved: `file:${vendored}`,
        integrity: integrity(tarball.file),
        license: library.license,
        engines: library.engines,
        peerDependencies: library.peerDependencies,
      },
      ...lockEntriesFor(registryPackages),
    },
  };
  fs.writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
  if (install.status !== 0) {
    throw new Error(
      `npm ci --offline in the tenant project failed. A package missing from the npm cache (ENOTCACHED) means this repository's npm ci did not fill it. Fix: run npm ci in the repository, with the same npm cache\n${install.stdout}\n${install.stderr}`,
    );
  }
}
