/** The HCL export runs the real entry point in a child process, so it is an end-to-end test. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadStackCatalog } from '../../src/generators/stack-catalog';

const { exportHcl } = require('../../scripts/export-hcl.js') as {
  exportHcl: (outdir: string, env?: NodeJS.ProcessEnv) => { stacks: string[] };
};

describe('HCL export (the exit path from CDKTF)', () => {
  it('writes every synthesized stack as HCL with the same resource addresses as its JSON', () => {
    // GIVEN a fresh export into a temporary directory
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-hcl-'));
    try {
      const { stacks } = exportHcl(outdir, { ...process.env, ATLAS_ENVIRONMENTS: '' });
      // THEN there is one cdk.tf per stack of the app, declaring exactly the JSON's resources
      const catalog = loadStackCatalog();
      expect(stacks).toEqual(catalog.map((s) => s.name));
      for (const { name: stack, json } of catalog) {
        const hcl = fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf'), 'utf8');
        const fromHcl = [...hcl.matchAll(/^resource "([^"]+)" "([^"]+)"/gm)].map((m) => `${m[1]}.${m[2]}`).sort();
        const fromJson = Object.entries(json.resource ?? {})
          .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`))
          .sort();
        expect({ stack, addresses: fromHcl }).toEqual({ stack, addresses: fromJson });
        expect(hcl).not.toMatch(/depends_on\s*=\s*\[\s*"/);
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
