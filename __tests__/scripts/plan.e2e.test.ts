import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const { stackProblem } = require('../../scripts/plan.js') as { stackProblem: (stack: string | undefined, valid: string[]) => string | undefined };

const root = path.resolve(__dirname, '..', '..');

describe('npm run plan', () => {
  it('accepts a synthesized stack name', () => {
    expect(stackProblem('bootstrap', ['base-infra-staging', 'bootstrap'])).toBeUndefined();
  });

  it('rejects a missing stack name, listing the valid ones', () => {
    expect(stackProblem(undefined, ['a', 'b'])).toBe('no stack given. Fix: npm run plan -- <stack>, one of: a, b');
  });

  it('fails on an unknown stack after synthesizing, before running terraform', () => {
    // GIVEN a stack name the app does not synthesize
    // WHEN the plan script runs for real
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-plan-'));
    try {
      const env = { ...process.env, ATLAS_ENVIRONMENTS: 'staging', CDKTF_OUTDIR: outdir };
      const result = spawnSync(process.execPath, ['scripts/plan.js', 'base-infra-qa'], { cwd: root, encoding: 'utf8', env });
      // THEN it exits non-zero and names the stacks of the selected environments
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('plan: unknown stack "base-infra-qa". Fix: use one of: atlas-staging, base-infra-staging, bootstrap, monitoring-staging');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
