// Inside this repository the package's own name (`@atlas/platform-constructs`, and each subpath of
// its `exports`) resolves to the TypeScript entry points under src/, so the example tenant and its
// tests import the package exactly as a tenant does, without a build of dist/. The published files
// are checked against a real tarball by __tests__/package/pack.e2e.test.ts. Preload it after
// swc-register.js: `node -r ./scripts/swc-register.js -r ./scripts/package-source.js <file>.ts`.
'use strict';
const fs = require('fs');
const Module = require('module');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** `{ '<name>': '<root>/src/index.ts', '<name>/policy': '<root>/src/policy/index.ts' }` from package.json. */
function sourceEntryPoints(dir = root) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const entries = {};
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const file = typeof target === 'string' ? target : target.default;
    const match = /^\.\/dist\/(.+)\.js$/.exec(file);
    if (!match) continue; // e.g. ./package.json: not compiled code
    const source = path.join(dir, 'src', `${match[1]}.ts`);
    if (!fs.existsSync(source)) {
      throw new Error(`package.json exports["${subpath}"] = "${file}" has no source file ${path.relative(dir, source)}. Fix: point the export at dist/<path>.js of a file src/<path>.ts`);
    }
    entries[path.posix.join(manifest.name, subpath)] = source;
  }
  return entries;
}

const entries = sourceEntryPoints();
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolvePackageSource(request, ...rest) {
  return resolveFilename.call(this, entries[request] ?? request, ...rest);
};

module.exports = { sourceEntryPoints };
