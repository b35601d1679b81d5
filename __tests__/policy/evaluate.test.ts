import { evaluate } from '../../src/policy/evaluate';
import { describeFinding, failureMessage } from '../../src/policy/report';
import { doc, GOOD_DB, stack } from './fixtures';

type Ack = { rule: string; reason: string; address?: string };
/** Attributes carrying acknowledgements under `//`, as acknowledge() writes them. */
const acked = (attrs: Record<string, unknown>, ...acks: Ack[]) => ({ ...attrs, '//': { metadata: { path: 'x' }, acknowledgements: acks } });
const REASON = 'The public edge of the platform, by design.';
const ack = (overrides: Partial<Ack> = {}): Ack => ({ rule: 'alb-internal', reason: REASON, ...overrides });

const publicDb = (tier: 'production' | 'non-production', ...acks: Ack[]) => stack('atlas-staging', doc([['aws_db_instance', 'db', acked({ ...GOOD_DB, publicly_accessible: true }, ...acks)]]), tier);
const backend = { terraform: { backend: { s3: { bucket: 'state', key: 'edge', region: 'eu-west-1', encrypt: true, dynamodb_table: 'locks' } } } };
const alb = { name: 'edge', internal: false, drop_invalid_header_fields: true, access_logs: { bucket: 'l', enabled: true }, enable_deletion_protection: true };
const internetAlb = (...acks: Ack[]) => stack('edge', doc([['aws_lb', 'alb', acked(alb, ...acks)]], backend));

describe('policy acknowledgements', () => {
  it('a reasoned acknowledgement on the resource turns its finding into a listed exception', () => {
    // GIVEN an internet-facing ALB that acknowledges alb-internal WHEN the pack runs THEN nothing fails and it is listed
    const result = evaluate([internetAlb(ack())]);
    expect(result.findings.filter((f) => f.rule === 'alb-internal')).toEqual([]);
    expect(result.acknowledged).toEqual([expect.objectContaining({ rule: 'alb-internal', stack: 'edge', address: 'aws_lb.alb', reason: REASON })]);
    expect(result.acknowledgementErrors).toEqual([]);
  });

  it('ignores acknowledgements when told to', () => {
    const result = evaluate([internetAlb(ack())], { acknowledgements: false });
    expect(result.findings.map((f) => f.rule)).toContain('alb-internal');
    expect(result.acknowledged).toEqual([]);
  });

  it('fails an unacknowledged finding with rule id, stack, address, fix and how to acknowledge it', () => {
    const result = evaluate([internetAlb()]);
    const [finding] = result.findings.filter((f) => f.rule === 'alb-internal');
    expect(describeFinding(finding, result.rules)).toBe(
      '[alb-internal] edge aws_lb.alb: internal is false; wants true (internal). Fix: set internal = true, or acknowledge the one public edge load balancer where it is built (acknowledge(), src/core/acknowledge.ts) (AVD-AWS-0053)\n' +
        "      or, if it is intended, call acknowledge(<the aws_lb.alb resource>, { rule: 'alb-internal', reason: '<why this is safe>' }) where the construct makes the exception",
    );
    expect(failureMessage(result)).toMatch(/^Policy check failed: 1 finding\(s\), 0 acknowledgement error\(s\)\./);
  });

  it('rejects an acknowledgement whose reason is shorter than ten characters', () => {
    const result = evaluate([internetAlb(ack({ reason: 'needed' }))]);
    expect(result.acknowledgementErrors).toEqual([expect.stringContaining('has reason "needed", shorter than 10 characters. Fix: say why the exception is safe')]);
    expect(result.findings.map((f) => f.rule)).toContain('alb-internal');
  });

  it('rejects an unused acknowledgement', () => {
    // GIVEN an acknowledgement of a rule the resource meets WHEN the pack runs THEN the stale acknowledgement fails synth
    const result = evaluate([internetAlb(ack(), ack({ rule: 'alb-access-logs' }))]);
    expect(result.acknowledgementErrors).toEqual([
      'acknowledgement of alb-access-logs on edge aws_lb.alb matches no finding. Fix: remove the acknowledge() call, or make it as conditional as the setting it excuses (the resource is compliant or gone)',
    ]);
  });

  it('rejects an acknowledgement of an unknown rule, a duplicate, and one it cannot read', () => {
    const result = evaluate([internetAlb(ack(), ack(), ack({ rule: 'alb-is-nice' }), { rule: 'alb-internal' } as Ack)]);
    expect(result.acknowledgementErrors).toEqual([
      expect.stringContaining('acknowledgement 4 of edge aws_lb.alb is {"rule":"alb-internal"}, not { rule, reason } strings'),
      expect.stringContaining('repeats an earlier acknowledgement. Fix: remove the duplicate'),
      expect.stringContaining('acknowledgement of alb-is-nice on edge aws_lb.alb names an unknown rule'),
    ]);
  });

  it('reads a stack-level acknowledgement of a finding outside any resource (the backend)', () => {
    const local = { terraform: { backend: { local: { path: 'x.tfstate' } } } };
    const reason = 'The bootstrap cannot keep its first state in the bucket it creates.';
    const with_ = (acks: unknown[]) => stack('bootstrap', { ...local, '//': { metadata: {}, acknowledgements: acks }, resource: {} });
    const result = evaluate([with_([{ rule: 'state-backend-secure', address: 'terraform.backend.local', reason }])]);
    expect(result.findings).toEqual([]);
    expect(result.acknowledged).toEqual([expect.objectContaining({ rule: 'state-backend-secure', address: 'terraform.backend.local', reason })]);
    // Without an address a stack-level acknowledgement cannot say what it covers.
    expect(evaluate([with_([{ rule: 'state-backend-secure', reason }])]).acknowledgementErrors).toEqual([expect.stringContaining('not { rule, reason, address } strings')]);
  });

  it('rejects an acknowledgement of public placement in a production-tier stack but accepts it in non-production', () => {
    const a = ack({ rule: 'rds-not-public', reason: 'Operators connect from the office CIDR only; the security group allow-lists it.' });
    expect(evaluate([publicDb('non-production', a)]).acknowledgementErrors).toEqual([]);
    const prod = evaluate([publicDb('production', a)]);
    expect(prod.acknowledgementErrors).toEqual([
      expect.stringContaining('acknowledges rds-not-public in a production-tier stack, where it cannot be acknowledged. Fix: set publicly_accessible = false'),
    ]);
    expect(prod.findings.map((f) => f.rule)).toContain('rds-not-public');
  });

  it('rejects an acknowledgement of a rule that can never be acknowledged', () => {
    const badName = stack('edge', doc([['aws_s3_bucket', 'b', acked({ bucket: 'Not_A_Bucket' }, ack({ rule: 'name-within-limit' }))]]));
    expect(evaluate([badName]).acknowledgementErrors).toEqual([expect.stringContaining('acknowledges name-within-limit, which cannot be acknowledged')]);
  });
});

describe('values the pack cannot evaluate', () => {
  it('fails closed on an expression where a rule needs a literal', () => {
    // GIVEN encryption set from a variable WHEN the pack runs THEN it is a finding, not a silent pass
    const result = evaluate([stack('s', doc([['aws_db_instance', 'db', { ...GOOD_DB, storage_encrypted: '${var.encrypted}' }]]))]);
    expect(result.findings.find((f) => f.rule === 'rds-encrypted')?.problem).toBe('storage_encrypted is the expression ${var.encrypted}, which cannot be checked at synth (wants true)');
  });

  it('fails closed on a policy document it cannot read', () => {
    const unreadable = { role: 'r', policy: '${templatefile("policy.json", {})}' };
    const result = evaluate([stack('s', doc([['aws_iam_role_policy', 'p', unreadable]]))]);
    expect(result.findings.find((f) => f.rule === 'iam-no-wildcard-admin')?.problem).toMatch(/cannot be read at synth/);
  });

  it('reads policy statements from a data.aws_iam_policy_document', () => {
    const d = doc([['aws_iam_policy', 'p', { policy: '${data.aws_iam_policy_document.admin.json}' }]], {
      data: { aws_iam_policy_document: { admin: { statement: [{ actions: ['*'], resources: ['*'] }] } } },
    });
    expect(evaluate([stack('s', d)]).findings.find((f) => f.rule === 'iam-no-wildcard-admin')?.problem).toMatch(/allows every action \(Action "\*"\)/);
  });
});

describe('secrets the pack finds beyond key names', () => {
  it('fails a secret-named variable with a literal default', () => {
    const d = { variable: { db_password: { type: 'string', sensitive: true, default: 'hunter2-literal' } }, resource: {} };
    expect(evaluate([stack('s', d)]).findings.find((f) => f.rule === 'no-plaintext-secret')).toEqual({
      rule: 'no-plaintext-secret',
      stack: 's',
      address: 'variable.db_password',
      problem: 'variable.db_password.default is a literal value for a secret variable',
    });
  });

  it('fails a Secrets Manager value wired into a plain environment variable', () => {
    const container = { name: 'api', environment: [{ name: 'DATABASE_URL', value: '${aws_secretsmanager_secret_version.db.secret_string}' }] };
    const d = doc([['aws_ecs_task_definition', 'api', { network_mode: 'awsvpc', container_definitions: JSON.stringify([container]) }]]);
    expect(evaluate([stack('s', d)]).findings.find((f) => f.rule === 'ecs-task-no-secret-env')?.problem).toBe('container "api": environment holds DATABASE_URL');
  });

  it('keeps a public port other than 80/443 a finding even where the web ports are acknowledged', () => {
    // GIVEN the public edge group, acknowledged for 80/443, that also opens SSH to the world
    const ingress = [80, 443, 22].map((port) => ({ description: `p${port}`, protocol: 'tcp', from_port: port, to_port: port, cidr_blocks: ['0.0.0.0/0'] }));
    const d = doc([['aws_security_group', 'alb', acked({ description: 'edge', ingress }, ack({ rule: 'sg-public-web-ingress' }))]]);
    const result = evaluate([stack('s', d)]);
    // THEN the web ports are acknowledged and SSH still fails
    expect(result.acknowledged.map((f) => f.problem)).toEqual(['ingress from the whole internet on port 80, port 443']);
    expect(result.findings.find((f) => f.rule === 'sg-no-public-ingress')?.problem).toBe('ingress from the whole internet on port 22');
  });
});

describe('what is not a plaintext secret', () => {
  it('passes identifiers and settings whose names mention a secret, but not a credential-shaped value under them', () => {
    // GIVEN settings and identifiers named like secrets WHEN the pack runs THEN they are not secrets
    const db = { ...GOOD_DB, master_user_secret_kms_key_id: 'alias/aws/secretsmanager' };
    const template = { metadata_options: { http_tokens: 'required' } };
    const ok = doc([
      ['aws_db_instance', 'db', db],
      ['aws_launch_template', 'lt', template],
      ['aws_efs_file_system', 'fs', { creation_token: 'atlas-efs' }],
    ]);
    expect(evaluate([stack('s', ok)]).findings.filter((f) => f.rule === 'no-plaintext-secret')).toEqual([]);
    // WHEN a real credential shape sits under such a name THEN it is still found
    const leaked = doc([['aws_ssm_parameter', 'p', { name: 'x', value: 'x', key_id: 'AKIAABCDEFGHIJKLMNOP' }]]);
    expect(evaluate([stack('s', leaked)]).findings.find((f) => f.rule === 'no-plaintext-secret')?.problem).toBe('resource.aws_ssm_parameter.p.key_id looks like a AWS access key id');
  });
});
