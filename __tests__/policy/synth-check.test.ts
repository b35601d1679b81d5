/**
 * The pack in the real synth path: the app's stacks pass with only reasoned acknowledgements, and removing
 * one protection from a stack fails synth with a message naming the rule, the resource and the fix.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DbInstance, type DbInstanceConfig } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';
import { App } from 'cdktf';
import { acknowledge } from '../../src/core/acknowledge';
import { addPlatformStacks } from '../../src/app/platform-app';
import { ENVIRONMENTS, loadEnvironments } from '../../src/config/load';
import { PlatformStack } from '../../src/core/platform-stack';
import { MIN_REASON_LENGTH } from '../../src/policy/evaluate';
import { addPolicyCheck, checkSynthesizedApp } from '../../src/policy/synth-check';
import { atlasEnvironment } from '../helpers/atlas-environment';

const outdirs: string[] = [];
function tempApp(): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
  outdirs.push(outdir);
  return new App({ outdir });
}
afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const quiet = { log: () => undefined };

function report(app: App): { passed: boolean; acknowledgements: { rule: string; stack: string; address: string; reason: string }[]; stacks: { name: string; tier: string }[] } {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'policy-report.json'), 'utf8'));
}

/** A stack holding one data store, with the remote state every real stack has. */
function dataStack(app: App, tier: 'production' | 'non-production' = 'production'): PlatformStack {
  return new PlatformStack(app, 'atlas-prod', {
    region: 'eu-west-1',
    accountId: '111122223333',
    tags: { environment: 'prod', layer: 'atlas', repository: 'test' },
    state: { bucket: 'atlas-terraform-state', lockTable: 'locks', region: 'eu-west-1', useLockfile: false },
    stateKey: 'atlas/prod/terraform.tfstate',
    tier,
  });
}

function database(stack: PlatformStack, overrides: Partial<DbInstanceConfig> = {}): void {
  const parameters = new DbParameterGroup(stack, 'postgres', { family: 'postgres16', parameter: [{ name: 'rds.force_ssl', value: '1' }] });
  new DbInstance(stack, 'db', {
    identifier: 'atlas-prod-db',
    engine: 'postgres',
    instanceClass: 'db.t4g.micro',
    allocatedStorage: 20,
    username: 'atlas',
    manageMasterUserPassword: true,
    storageEncrypted: true,
    publiclyAccessible: false,
    backupRetentionPeriod: 7,
    deletionProtection: true,
    iamDatabaseAuthenticationEnabled: true,
    multiAz: true,
    parameterGroupName: parameters.name,
    lifecycle: { preventDestroy: true },
    ...overrides,
  });
}

function kafka(stack: PlatformStack, clientBroker: string): void {
  const key = new KmsKey(stack, 'kafka_key', { description: 'MSK at rest', enableKeyRotation: true });
  const logs = new CloudwatchLogGroup(stack, 'kafka_logs', { name: '/msk/atlas-prod', retentionInDays: 30 });
  new MskCluster(stack, 'kafka', {
    clusterName: 'atlas-prod-kafka',
    kafkaVersion: '3.6.0',
    numberOfBrokerNodes: 2,
    brokerNodeGroupInfo: { instanceType: 'kafka.t3.small', clientSubnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'] },
    encryptionInfo: { encryptionAtRestKmsKeyArn: key.arn, encryptionInTransit: { clientBroker, inCluster: true } },
    clientAuthentication: { sasl: { iam: true }, unauthenticated: false },
    loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: logs.name } } },
    lifecycle: { preventDestroy: true },
  });
}

describe('policy check during synth', () => {
  it('passes every real stack with only reasoned acknowledgements, and reports them', () => {
    // GIVEN the app's real stacks WHEN they are synthesized THEN the pack passes and lists each acknowledgement
    const app = tempApp();
    addPlatformStacks(app, loadEnvironments());
    const lines: string[] = [];
    addPolicyCheck(app, { log: (line) => lines.push(line) });
    app.synth();
    const written = report(app);
    expect(written.passed).toBe(true);
    expect(written.stacks).toEqual([
      { name: 'bootstrap', tier: 'production', resources: expect.any(Number) },
      { name: 'base-infra-staging', tier: 'non-production', resources: expect.any(Number) },
      { name: 'atlas-staging', tier: 'non-production', resources: expect.any(Number) },
      { name: 'monitoring-staging', tier: 'non-production', resources: expect.any(Number) },
      { name: 'base-infra-prod', tier: 'production', resources: expect.any(Number) },
      { name: 'atlas-prod', tier: 'production', resources: expect.any(Number) },
      { name: 'monitoring-prod', tier: 'production', resources: expect.any(Number) },
    ]);
    expect(written.acknowledgements.map((a) => `${a.stack} ${a.rule}`).sort()).toEqual([
      'atlas-prod ecs-task-readonly-root',
      'atlas-staging ecs-task-readonly-root',
      'atlas-staging msk-not-public',
      'atlas-staging rds-not-public',
      'base-infra-prod alb-internal',
      'base-infra-prod sg-public-web-ingress',
      'base-infra-staging alb-internal',
      'base-infra-staging sg-public-web-ingress',
      'bootstrap state-backend-secure',
      'monitoring-prod ecs-task-readonly-root',
      'monitoring-prod sg-no-public-ingress',
      'monitoring-prod sg-no-public-ingress',
      'monitoring-staging ecs-task-readonly-root',
      'monitoring-staging sg-no-public-ingress',
      'monitoring-staging sg-no-public-ingress',
    ]);
    for (const a of written.acknowledgements) {
      expect(a.reason.length).toBeGreaterThanOrEqual(MIN_REASON_LENGTH);
      expect(lines).toContain(`policy: acknowledged [${a.rule}] ${a.stack} ${a.address}: ${a.reason}`);
    }
  });

  it.each(['staging', 'prod'] as const)('passes in MSK phase create, the first of the two applies the README gives a fresh %s', (name) => {
    // GIVEN the environment as README "MSK: two applies" says for its first apply
    const app = tempApp();
    addPlatformStacks(app, [atlasEnvironment(name, { msk: { phase: 'create' } })]);
    app.synth();
    // WHEN the pack runs THEN it passes: the public placement, and its acknowledgement, come with 'enable'
    checkSynthesizedApp(app, quiet);
    expect(report(app).passed).toBe(true);
    expect(report(app).acknowledgements.filter((a) => a.rule === 'msk-not-public')).toEqual([]);
  });

  it('follows the README bootstrap migration: with its state in S3 the local-backend acknowledgement goes with it, and synth passes', () => {
    // GIVEN the config after migration: the bootstrap keeps its state in the bucket
    const migrated = { staging: { ...ENVIRONMENTS.staging, state: { ...ENVIRONMENTS.staging.state, bootstrapBackend: 's3' } } };
    const app = tempApp();
    addPlatformStacks(app, loadEnvironments(['staging'], migrated));
    app.synth();
    // WHEN the pack runs THEN it passes with no exception for the bootstrap
    checkSynthesizedApp(app, quiet);
    expect(report(app).passed).toBe(true);
    expect(report(app).acknowledgements.filter((a) => a.stack === 'bootstrap')).toEqual([]);
  });

  it('fails synth on an acknowledgement that matches no finding', () => {
    // GIVEN a compliant database that acknowledges a rule it meets
    const app = tempApp();
    const stack = dataStack(app);
    database(stack);
    const db = stack.node.findAll().find((c): c is DbInstance => c instanceof DbInstance)!;
    acknowledge(db, { rule: 'rds-encrypted', reason: 'Left over from an older exception.' });
    addPolicyCheck(app, quiet);
    // WHEN synthesized THEN the stale acknowledgement fails synth
    expect(() => app.synth()).toThrow('acknowledgement of rds-encrypted on atlas-prod aws_db_instance.db matches no finding');
  });

  it('reads acknowledgements from the stack itself when the output is HCL', () => {
    // GIVEN a production database without deletion protection that acknowledges it, and HCL output
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'policy-hcl-')), hclOutput: true });
    outdirs.push(app.outdir);
    const stack = dataStack(app);
    database(stack, { deletionProtection: false });
    const db = stack.node.findAll().find((c): c is DbInstance => c instanceof DbInstance)!;
    acknowledge(db, { rule: 'rds-deletion-protection', reason: 'A throw-away copy, restored from a snapshot for one test.' });
    addPolicyCheck(app, quiet);
    // WHEN synthesized THEN the acknowledgement is found and synth passes
    expect(() => app.synth()).not.toThrow();
    expect(report(app).acknowledgements).toEqual([expect.objectContaining({ rule: 'rds-deletion-protection', address: 'aws_db_instance.db' })]);
  });

  it('refuses an acknowledgement whose rule is not a rule id, naming the resource', () => {
    const stack = dataStack(tempApp());
    database(stack);
    const db = stack.node.findAll().find((c): c is DbInstance => c instanceof DbInstance)!;
    expect(() => acknowledge(db, { rule: 'RDS encrypted', reason: 'whatever the reason is' })).toThrow(
      'acknowledge atlas-prod/db: rule = "RDS encrypted" is not a rule id. Fix: use an id of the policy pack, e.g. "ecs-task-readonly-root"',
    );
  });

  it('fails synth when the ALB stops dropping invalid header fields', () => {
    // GIVEN the real prod stack with drop_invalid_header_fields removed WHEN it is synthesized THEN synth fails naming rule, resource and fix
    const app = tempApp();
    const stacks = addPlatformStacks(app, loadEnvironments());
    addPolicyCheck(app, quiet);
    const alb = stacks.baseInfra.prod.node.findAll().find((c): c is Lb => c instanceof Lb)!;
    alb.resetDropInvalidHeaderFields();
    expect(() => app.synth()).toThrow(
      '[alb-drop-invalid-headers] base-infra-prod aws_lb.alb: drop_invalid_header_fields is not set; wants true. Fix: set drop_invalid_header_fields = true on the load balancer (LbConfig.dropInvalidHeaderFields) (CKV_AWS_131, AVD-AWS-0052, ELB.4)',
    );
    expect(report(app).passed).toBe(false);
  });

  it('passes an encrypted database and fails synth when its encryption is removed', () => {
    const ok = tempApp();
    database(dataStack(ok));
    addPolicyCheck(ok, quiet);
    expect(() => ok.synth()).not.toThrow();

    const bad = tempApp();
    database(dataStack(bad), { storageEncrypted: false });
    addPolicyCheck(bad, quiet);
    expect(() => bad.synth()).toThrow(
      '[rds-encrypted] atlas-prod aws_db_instance.db: storage_encrypted is false; wants true. Fix: set storage_encrypted = true (optionally kms_key_id) on the database (CKV_AWS_16, AVD-AWS-0080, RDS.3)',
    );
  });

  it('passes a TLS-only Kafka cluster and fails synth when plaintext is allowed', () => {
    const ok = tempApp();
    kafka(dataStack(ok), 'TLS');
    addPolicyCheck(ok, quiet);
    expect(() => ok.synth()).not.toThrow();

    const bad = tempApp();
    kafka(dataStack(bad), 'TLS_PLAINTEXT');
    addPolicyCheck(bad, quiet);
    expect(() => bad.synth()).toThrow(
      '[msk-tls-in-transit] atlas-prod aws_msk_cluster.kafka: encryption_in_transit client_broker is "TLS_PLAINTEXT"; wants TLS only. Fix: set encryption_info { encryption_in_transit { client_broker = "TLS", in_cluster = true } } (the AWS defaults) (CKV_AWS_81, AVD-AWS-0073, MSK.1)',
    );
  });

  it('holds a production-tier stack to deletion protection that a non-production one may skip', () => {
    const staging = tempApp();
    database(dataStack(staging, 'non-production'), { deletionProtection: false, multiAz: false, lifecycle: { preventDestroy: false } });
    addPolicyCheck(staging, quiet);
    expect(() => staging.synth()).not.toThrow();

    const prod = tempApp();
    database(dataStack(prod, 'production'), { deletionProtection: false });
    addPolicyCheck(prod, quiet);
    expect(() => prod.synth()).toThrow('[rds-deletion-protection] atlas-prod aws_db_instance.db: deletion_protection is false; wants true in a production-tier stack');
  });
});
