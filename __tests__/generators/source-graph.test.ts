import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { localImportClosure } from '../../src/generators/source-graph';

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-graph-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('localImportClosure', () => {
  it('follows relative imports (type-only, multi-line, index files) and skips packages', () => {
    const root = project({
      'stacks/a-stack.ts': "import { App } from 'cdktf';\nimport type { Cfg } from '../src/config/schema';\nimport {\n  B,\n} from '../src/b';\n",
      'src/config/schema.ts': 'export type Cfg = string;\n',
      'src/b/index.ts': "export * from './c';\n",
      'src/b/c.ts': 'export const B = 1;\n',
      'src/unused.ts': 'export const U = 1;\n',
    });
    expect(localImportClosure(root, 'stacks/a-stack.ts')).toEqual(['src/b/c.ts', 'src/b/index.ts', 'src/config/schema.ts', 'stacks/a-stack.ts']);
  });

  it('follows require() of local JavaScript files, as the synth loader under scripts/ is written', () => {
    const root = project({
      'scripts/loader.js': "const fs = require('fs');\nconst options = require('./loader-options');\n",
      'scripts/loader-options.js': "module.exports = require('../src/shared.js');\n",
      'src/shared.js': '',
    });
    expect(localImportClosure(root, 'scripts/loader.js')).toEqual(['scripts/loader-options.js', 'scripts/loader.js', 'src/shared.js']);
  });

  it('fails on an import that resolves to no file, naming the importer', () => {
    const root = project({ 'stacks/a.ts': "import { X } from '../src/missing';\n" });
    expect(() => localImportClosure(root, 'stacks/a.ts')).toThrow("stacks/a.ts imports '../src/missing', which resolves to no file. Fix: correct the import path");
  });
});
