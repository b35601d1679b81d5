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
    expect(evaluate([stack('s', d)], []).findings.find((f) => f.rule === 'iam-no-wildcard-admin')?.problem).toMatch(/allows Action "\*" on Resource "\*"/);
  });
});
