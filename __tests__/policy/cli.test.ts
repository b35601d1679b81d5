import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/policy/cli';
import { doc, GOOD_DB, secureBucket } from './fixtures';
import { UsageError } from '../../src/core/input-error';
import { expectInputRejection } from '../helpers/input-error';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(file: string, json: unknown): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), JSON.stringify(json));
}

async function runCli(...args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await main(args, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

const backend = { terraform: { backend: { s3: { bucket: 'state', key: 'x', region: 'eu-west-1', encrypt: true, use_lockfile: true } } } };

describe('npm run policy', () => {
  it('checks plain Terraform JSON split over several files, not made by this app', async () => {
    // GIVEN a hand-written Terraform JSON directory whose bucket has no versioning
    write('legacy/backend.tf.json', backend);
    write('legacy/main.tf.json', doc(secureBucket('aws_s3_bucket_versioning')));
    // WHEN the pack runs on it THEN it fails naming the stack (the directory) and the resource
    const { code, output } = await runCli(path.join(dir, 'legacy'), '--tier', 'non-production');
    expect(code).toBe(1);
    expect(output).toContain('policy: legacy checked as non-production');
    expect(output).toContain('[s3-versioning] legacy aws_s3_bucket.data: no aws_s3_bucket_versioning with status "Enabled" refers to this bucket.');
  });

  it('passes a compliant directory', async () => {
    write('ok/main.tf.json', doc(secureBucket(), backend));
    expect(await runCli(path.join(dir, 'ok'), '--tier', 'non-production')).toEqual({ code: 0, output: expect.stringContaining('0 finding(s), 0 acknowledged') });
  });

  it('reads CDKTF output and the tiers its synth recorded, unless --tier says otherwise', async () => {
    // GIVEN cdktf.out with a staging stack whose database is single-AZ
    const singleAz = doc([['aws_db_instance', 'db', { ...GOOD_DB, multi_az: false, parameter_group_name: undefined }]], backend);
    write('cdktf.out/stacks/atlas-staging/cdk.tf.json', singleAz);
    write('cdktf.out/policy-report.json', { stacks: [{ name: 'atlas-staging', tier: 'non-production', resources: 1 }] });
    const out = path.join(dir, 'cdktf.out');
    // WHEN it runs with the recorded tier THEN Multi-AZ is not required
    expect((await runCli(out, '--no-acknowledgements')).output).not.toContain('[rds-multi-az]');
    // WHEN the stack is declared production THEN it is
    expect((await runCli(out, '--no-acknowledgements', '--tier', 'atlas-staging=production')).output).toContain(
      '[rds-multi-az] atlas-staging aws_db_instance.db: multi_az is false; wants true in a production-tier stack.',
    );
  });

  it('reads a directory of plain HCL (*.tf): for_each companions, jsonencode one attribute per line, variables', async () => {
    // GIVEN hand-written HCL whose buckets are complete (companions through for_each / each.value)
    // but whose role policy grants s3:* on "*" and whose log retention is a variable
    const fixture = path.join(__dirname, 'hcl-fixtures', 'legacy');
    // WHEN the pack runs on it THEN exactly those two are reported, each on its own address
    const { code, output } = await runCli(fixture, '--tier', 'non-production', '--no-acknowledgements');
    expect(code).toBe(1);
    expect(output).toContain('policy: legacy checked as non-production');
    const findings = output.split('\n').filter((l) => l.startsWith('  - ['));
    expect(findings.map((l) => l.replace(/:.*$/, ''))).toEqual(['  - [log-group-retention] legacy aws_cloudwatch_log_group.app', '  - [iam-no-wildcard-admin] legacy aws_iam_role_policy.deploy']);
    expect(output).toContain('retention_in_days is the expression ${var.retention}, which cannot be checked at synth');
    expect(output).toContain('a statement allows a whole service (s3:*) on Resource "*"');
  });

  it('rejects an unknown tier and a missing directory', async () => {
    await expectInputRejection(UsageError, runCli(dir, '--tier', 'prod'), '--tier = "prod" is not a tier. Fix: --tier production, --tier non-production or --tier <stack>=<tier>');
    await expectInputRejection(UsageError, runCli(path.join(dir, 'nope')), /does not exist. Fix: pass a directory of Terraform \(\*\.tf or \*\.tf\.json\)/);
    await expectInputRejection(UsageError, runCli(dir), /holds no \*\.tf or \*\.tf\.json, nor do its subdirectories\. Fix: run `npm run synth`/);
  });
});
