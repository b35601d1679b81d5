import { evaluate } from '../../src/policy/evaluate';
import { describeFinding, failureMessage } from '../../src/policy/report';
import type { Waiver } from '../../src/policy/waivers';
import { doc, GOOD_DB, stack } from './fixtures';

const publicDb = (tier: 'production' | 'non-production') =>
  stack('atlas-staging', doc([['aws_db_instance', 'db', { ...GOOD_DB, publicly_accessible: true }]]), tier);
const backend = { terraform: { backend: { s3: { bucket: 'state', key: 'edge', region: 'eu-west-1', encrypt: true, dynamodb_table: 'locks' } } } };
const alb = { name: 'edge', internal: false, drop_invalid_header_fields: true, access_logs: { bucket: 'l', enabled: true }, enable_deletion_protection: true };
const internetAlb = stack('edge', doc([['aws_lb', 'alb', alb]], backend));
const waiver = (overrides: Partial<Waiver> = {}): Waiver => ({
  rule: 'alb-internal',
  stack: 'edge',
  address: 'aws_lb.alb',
  reason: 'The public edge of the platform, by design.',
  ...overrides,
});

describe('policy waivers', () => {
  it('a reasoned waiver turns its finding into a listed exception', () => {
    // GIVEN an internet-facing ALB and a waiver for it WHEN the pack runs THEN nothing fails and the waiver is listed
    const result = evaluate([internetAlb], [waiver()]);
    expect(result.findings.filter((f) => f.rule === 'alb-internal')).toEqual([]);
    expect(result.waived).toEqual([expect.objectContaining({ rule: 'alb-internal', address: 'aws_lb.alb', reason: waiver().reason })]);
    expect(result.waiverErrors).toEqual([]);
  });

  it('fails an unwaived finding with rule id, stack, address and fix', () => {
    const result = evaluate([internetAlb], []);
    const [finding] = result.findings.filter((f) => f.rule === 'alb-internal');
    expect(describeFinding(finding, result.rules)).toBe(
      '[alb-internal] edge aws_lb.alb: internal is false; wants true (internal). Fix: set internal = true, or waive the one public edge load balancer in src/policy/waivers.ts (AVD-AWS-0053)\n' +
        "      or, if it is intended, add { rule: 'alb-internal', stack: 'edge', address: 'aws_lb.alb', reason: '<why this is safe>' } to src/policy/waivers.ts",
    );
    expect(failureMessage(result)).toMatch(/^Policy check failed: 1 finding\(s\), 0 waiver error\(s\)\./);
  });

  it('rejects a waiver whose reason is shorter than ten characters', () => {
    const result = evaluate([internetAlb], [waiver({ reason: 'needed' })]);
    expect(result.waiverErrors).toEqual([expect.stringContaining('has reason "needed", shorter than 10 characters. Fix: say why the exception is safe')]);
    expect(result.findings.map((f) => f.rule)).toContain('alb-internal');
  });

  it('rejects an unused waiver', () => {
    // GIVEN a waiver for a resource that is compliant WHEN the pack runs THEN the stale waiver fails synth
    const result = evaluate([internetAlb], [waiver(), waiver({ rule: 'alb-access-logs' })]);
    expect(result.waiverErrors).toEqual([
      'waiver for alb-access-logs on edge aws_lb.alb matches no finding. Fix: remove it from src/policy/waivers.ts (the resource is compliant or gone)',
    ]);
  });

  it('accepts an unused waiver that says when its finding is legitimately absent', () => {
    // GIVEN a compliant ALB and a waiver for a finding that only exists in another config phase
    const result = evaluate([internetAlb], [waiver(), waiver({ rule: 'alb-access-logs', absentWhen: 'a documented phase turns logging off' })]);
    // THEN it is not reported as stale
    expect(result.waiverErrors).toEqual([]);
  });

  it('ignores waivers of stacks this run did not synthesize', () => {
    const result = evaluate([internetAlb], [waiver(), waiver({ stack: 'edge-prod' })]);
    expect(result.waiverErrors).toEqual([]);
  });

  it('rejects a waiver of an unknown rule and a duplicate waiver', () => {
    const result = evaluate([internetAlb], [waiver(), waiver(), waiver({ rule: 'alb-is-nice' })]);
    expect(result.waiverErrors).toEqual([
      expect.stringContaining('repeats an earlier waiver. Fix: remove the duplicate'),
      expect.stringContaining('(alb-is-nice on edge aws_lb.alb) names an unknown rule'),
    ]);
  });

  it('rejects a waiver of public placement in a production-tier stack but accepts it in non-production', () => {
    const reason = 'Operators connect from the office CIDR only; the security group allow-lists it.';
    const w = waiver({ rule: 'rds-not-public', stack: 'atlas-staging', address: 'aws_db_instance.db', reason });
    expect(evaluate([publicDb('non-production')], [w]).waiverErrors).toEqual([]);
    const prod = evaluate([publicDb('production')], [w]);
    expect(prod.waiverErrors).toEqual([expect.stringContaining('waives rds-not-public in a production-tier stack, where it cannot be waived. Fix: set publicly_accessible = false')]);
    expect(prod.findings.map((f) => f.rule)).toContain('rds-not-public');
  });

  it('rejects a waiver of a rule that can never be waived', () => {
    const longName = stack('edge', doc([['aws_s3_bucket', 'b', { bucket: 'Not_A_Bucket' }]]));
    const result = evaluate([longName], [waiver({ rule: 'name-within-limit', address: 'aws_s3_bucket.b' })]);
    expect(result.waiverErrors).toEqual([expect.stringContaining('waives name-within-limit, which cannot be waived')]);
  });
});

describe('values the pack cannot evaluate', () => {
  it('fails closed on an expression where a rule needs a literal', () => {
    // GIVEN encryption set from a variable WHEN the pack runs THEN it is a finding, not a silent pass
    const result = evaluate([stack('s', doc([['aws_db_instance', 'db', { ...GOOD_DB, storage_encrypted: '${var.encrypted}' }]]))], []);
    expect(result.findings.find((f) => f.rule === 'rds-encrypted')?.problem).toBe(
      'storage_encrypted is the expression ${var.encrypted}, which cannot be checked at synth (wants true)',
    );
  });

  it('fails closed on a policy document it cannot read', () => {
    const unreadable = { role: 'r', policy: '${templatefile("policy.json", {})}' };
    const result = evaluate([stack('s', doc([['aws_iam_role_policy', 'p', unreadable]]))], []);
    expect(result.findings.find((f) => f.rule === 'iam-no-wildcard-admin')?.problem).toMatch(/cannot be read at synth/);
  });

  it('reads policy statements from a data.aws_iam_policy_document', () => {
    const d = doc([['aws_iam_policy', 'p', { policy: '${data.aws_iam_policy_document.admin.json}' }]], {
      data: { aws_iam_policy_document: { admin: { statement: [{ actions: ['*'], resources: ['*'] }] } } },
    });
    expect(evaluate([stack('s', d)], []).findings.find((f) => f.rule === 'iam-no-wildcard-admin')?.problem).toMatch(/allows every action \(Action "\*"\)/);
  });
});

describe('secrets the pack finds beyond key names', () => {
  it('fails a secret-named variable with a literal default', () => {
    const d = { variable: { db_password: { type: 'string', sensitive: true, default: 'hunter2-literal' } }, resource: {} };
    expect(evaluate([stack('s', d)], []).findings.find((f) => f.rule === 'no-plaintext-secret')).toEqual({
      rule: 'no-plaintext-secret',
      stack: 's',
      address: 'variable.db_password',
      problem: 'variable.db_password.default is a literal value for a secret variable',
    });
  });

  it('fails a Secrets Manager value wired into a plain environment variable', () => {
    const container = { name: 'api', environment: [{ name: 'DATABASE_URL', value: '${aws_secretsmanager_secret_version.db.secret_string}' }] };
    const d = doc([['aws_ecs_task_definition', 'api', { network_mode: 'awsvpc', container_definitions: JSON.stringify([container]) }]]);
    expect(evaluate([stack('s', d)], []).findings.find((f) => f.rule === 'ecs-task-no-secret-env')?.problem).toBe('container "api": environment holds DATABASE_URL');
  });

  it('keeps a public port other than 80/443 a finding even where the web ports are waived', () => {
    // GIVEN the public edge group, waived for 80/443, that also opens SSH to the world
    const ingress = [80, 443, 22].map((port) => ({ description: `p${port}`, protocol: 'tcp', from_port: port, to_port: port, cidr_blocks: ['0.0.0.0/0'] }));
    const d = doc([['aws_security_group', 'alb', { description: 'edge', ingress }]]);
    const w = { rule: 'sg-public-web-ingress', stack: 's', address: 'aws_security_group.alb', reason: 'The public edge of the platform.' };
    const result = evaluate([stack('s', d)], [w]);
    // THEN the web ports are waived and SSH still fails
    expect(result.waived.map((f) => f.problem)).toEqual(['ingress from the whole internet on port 80, port 443']);
    expect(result.findings.find((f) => f.rule === 'sg-no-public-ingress')?.problem).toBe('ingress from the whole internet on port 22');
  });
});

describe('what is not a plaintext secret', () => {
  it('passes identifiers and settings whose names mention a secret, but not a credential-shaped value under them', () => {
    // GIVEN settings and identifiers named like secrets WHEN the pack runs THEN they are not secrets
    const db = { ...GOOD_DB, master_user_secret_kms_key_id: 'alias/aws/secretsmanager' };
    const template = { metadata_options: { http_tokens: 'required' } };
    const ok = doc([['aws_db_instance', 'db', db], ['aws_launch_template', 'lt', template], ['aws_efs_file_system', 'fs', { creation_token: 'atlas-efs' }]]);
    expect(evaluate([stack('s', ok)], []).findings.filter((f) => f.rule === 'no-plaintext-secret')).toEqual([]);
    // WHEN a real credential shape sits under such a name THEN it is still found
    const leaked = doc([['aws_ssm_parameter', 'p', { name: 'x', value: 'x', key_id: 'AKIAABCDEFGHIJKLMNOP' }]]);
    expect(evaluate([stack('s', leaked)], []).findings.find((f) => f.rule === 'no-plaintext-secret')?.problem).toBe(
      'resource.aws_ssm_parameter.p.key_id looks like a AWS access key id',
    );
  });
});
