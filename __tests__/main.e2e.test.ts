import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const root = path.resolve(__dirname, '..');

function synth(env: Record<string, string>, loader = './scripts/swc-register.js') {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'synth-')), 'out');
  const result = spawnSync(process.execPath, ['-r', loader, 'main.ts'], {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: outdir, ...env },
    encoding: 'utf8',
  });
  return { ...result, outdir };
}

describe('main.ts', () => {
  it('fails on an unknown environment with the valid names, and writes nothing', () => {
    // WHEN synth is asked for an environment that does not exist
    const result = synth({ ATLAS_ENVIRONMENTS: 'qa' });
    // THEN it exits non-zero, explains the fix and leaves no output behind
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('environment = "qa" is not a known environment. Fix: use one of staging, prod');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(result.outdir)).toBe(false);
  });

  it('synthesizes only the selected environments', () => {
    const result = synth({ ATLAS_ENVIRONMENTS: 'staging' });
    expect(result.status).toBe(0);
    expect(fs.readdirSync(path.join(result.outdir, 'stacks')).sort()).toEqual(['atlas-staging', 'base-infra-staging', 'bootstrap', 'monitoring-staging']);
  });

  it("also synthesizes through the TypeScript compiler's own emit, as the cdktf template's ts-node app does", () => {
    // swc and tsc emit CommonJS differently (e.g. a local named `exports` breaks only tsc's output)
    const result = synth({ ATLAS_ENVIRONMENTS: 'staging', TS_NODE_TRANSPILE_ONLY: 'true' }, 'ts-node/register');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(fs.readdirSync(path.join(result.outdir, 'stacks'))).toContain('atlas-staging');
  });
});
