/**
 * Every rule of the pack against one compliant and one non-compliant hand-written fixture. A rule
 * added to the pack without cases here fails the first test.
 */
import { RULES } from '../../src/policy/pack';
import { isInternetWide } from '../../src/policy/rules/sg-ingress';
import type { CheckedStack } from '../../src/policy/evaluate';
import type { Tier } from '../../src/policy/types';
import { doc, FORCE_SSL_GROUP, GOOD_CONTAINER, GOOD_DB, GOOD_MSK, run, secureBucket, stack, task, type Doc } from './fixtures';

type R = [string, string, Record<string, unknown>];
interface Case {
  readonly compliant: CheckedStack[];
  readonly nonCompliant: CheckedStack[];
  /** What the finding's problem must say. */
  readonly problem: RegExp;
}

const one = (resources: R[], tier: Tier = 'production', extra: Doc = {}): CheckedStack[] => [stack('fixture', doc(resources, extra), tier)];
const lb = (attrs: Record<string, unknown>): R => [
  'aws_lb',
  'alb',
  { name: 'atlas-alb', internal: true, drop_invalid_header_fields: true, enable_deletion_protection: true, access_logs: { bucket: 'logs', enabled: true }, ...attrs },
];
const listener = (attrs: Record<string, unknown>): R => ['aws_lb_listener', 'l', { load_balancer_arn: '${aws_lb.alb.arn}', ...attrs }];
const template = (attrs: Record<string, unknown>): R => [
  'aws_launch_template',
  'lt',
  {
    metadata_options: { http_tokens: 'required', http_put_response_hop_limit: 1 },
    block_device_mappings: [{ device_name: '/dev/xvda', ebs: { encrypted: 'true' } }],
    network_interfaces: [{ associate_public_ip_address: 'false' }],
    ...attrs,
  },
];
const vpc: R = ['aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }];
const flowLog: R = ['aws_flow_log', 'main', { vpc_id: '${aws_vpc.main.id}', traffic_type: 'ALL' }];
const defaultSg = (attrs: Record<string, unknown> = {}): R => ['aws_default_security_group', 'main', { vpc_id: '${aws_vpc.main.id}', ...attrs }];
const sg = (ingress: Record<string, unknown>[], description = 'App tasks'): R => ['aws_security_group', 'app', { description, ingress, egress: [] }];
const ecr = (attrs: Record<string, unknown> = {}): R => [
  'aws_ecr_repository',
  'api',
  { name: 'api', image_tag_mutability: 'IMMUTABLE', image_scanning_configuration: { scan_on_push: true }, ...attrs },
];
const db = (attrs: Record<string, unknown>): R[] => [['aws_db_instance', 'db', { ...GOOD_DB, ...attrs }], FORCE_SSL_GROUP];
const msk = (attrs: Record<string, unknown>): R[] => [['aws_msk_cluster', 'kafka', { ...GOOD_MSK, ...attrs }]];
const table = (attrs: Record<string, unknown>): R => [
  'aws_dynamodb_table',
  'lock',
  { point_in_time_recovery: { enabled: true }, server_side_encryption: { enabled: true }, deletion_protection_enabled: true, ...attrs },
];
const pool = (attrs: Record<string, unknown>): R => [
  'aws_cognito_user_pool',
  'users',
  {
    mfa_configuration: 'OPTIONAL',
    deletion_protection: 'ACTIVE',
    password_policy: { minimum_length: 12, require_lowercase: true, require_uppercase: true, require_numbers: true, require_symbols: true },
    ...attrs,
  },
];
const rolePolicy = (statement: string): R => ['aws_iam_role_policy', 'p', { role: '${aws_iam_role.task.id}', policy: `\${jsonencode({"Version" = "2012-10-17", "Statement" = [${statement}]})}` }];
const listenerRule = (name: string, priority: number, listenerArn: string): R => ['aws_lb_listener_rule', name, { listener_arn: listenerArn, priority, action: [{ type: 'forward' }] }];
const ssmListener = { data: { aws_ssm_parameter: { listener: { name: '/infra/alb-listener-arn' } } } };
const ssmArn = '${data.aws_ssm_parameter.listener.value}';
const s3Backend = (config: Record<string, unknown>): Doc => ({ terraform: { backend: { s3: { bucket: 'state', key: 'k', region: 'eu-west-1', ...config } } } });

const CASES: Record<string, Case> = {
  'alb-drop-invalid-headers': { compliant: one([lb({})]), nonCompliant: one([lb({ drop_invalid_header_fields: undefined })]), problem: /drop_invalid_header_fields is not set; wants true/ },
  'alb-http-redirects-to-https': {
    compliant: one([listener({ port: 80, protocol: 'HTTP', default_action: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' } }] })]),
    nonCompliant: one([listener({ port: 80, protocol: 'HTTP', default_action: [{ type: 'forward', target_group_arn: 'x' }] })]),
    problem: /default_action is forward, not a single redirect to HTTPS/,
  },
  'alb-tls-policy': {
    compliant: one([listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' })]),
    nonCompliant: one([listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-2016-08' })]),
    problem: /ssl_policy is "ELBSecurityPolicy-2016-08"/,
  },
  'alb-access-logs': { compliant: one([lb({})]), nonCompliant: one([lb({ access_logs: { bucket: 'logs', enabled: false } })]), problem: /access_logs.enabled is false/ },
  'alb-deletion-protection': {
    compliant: one([lb({ enable_deletion_protection: false })], 'non-production'),
    nonCompliant: one([lb({ enable_deletion_protection: false })], 'production'),
    problem: /enable_deletion_protection is false; wants true in a production-tier stack/,
  },
  'alb-internal': { compliant: one([lb({})]), nonCompliant: one([lb({ internal: false })]), problem: /internal is false/ },
  'ec2-imdsv2-required': { compliant: one([template({})]), nonCompliant: one([template({ metadata_options: { http_tokens: 'optional' } })]), problem: /http_tokens is "optional"/ },
  'ec2-imds-hop-limit': {
    compliant: one([template({})]),
    nonCompliant: one([template({ metadata_options: { http_tokens: 'required', http_put_response_hop_limit: 2 } })]),
    problem: /http_put_response_hop_limit is 2; wants 1/,
  },
  'ec2-ebs-encrypted': {
    compliant: one([template({})]),
    nonCompliant: one([template({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: { volume_size: 30 } }] })]),
    problem: /encrypted is not set on block_device_mappings.ebs "\/dev\/xvda"/,
  },
  'ec2-no-public-ip': {
    compliant: one([template({})]),
    nonCompliant: one([template({ network_interfaces: [{ associate_public_ip_address: true }] })]),
    problem: /associate_public_ip_address is true/,
  },
  'sg-no-public-ingress': {
    compliant: one([sg([{ description: 'from ALB', from_port: 8080, to_port: 8080, protocol: 'tcp', security_groups: ['${aws_security_group.alb.id}'] }])]),
    nonCompliant: one([sg([{ description: 'ssh', from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }])]),
    problem: /ingress from the whole internet on port 22/,
  },
  'sg-public-web-ingress': {
    compliant: one([sg([{ description: 'from VPC', from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/16'] }])]),
    nonCompliant: one([sg([{ description: 'https', from_port: 443, to_port: 443, protocol: 'tcp', ipv6_cidr_blocks: ['::/0'] }])]),
    problem: /ingress from the whole internet on port 443/,
  },
  'sg-descriptions': {
    compliant: one([sg([{ description: 'from ALB', from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['10.0.0.0/16'] }])]),
    nonCompliant: one([sg([{ from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['10.0.0.0/16'] }], 'Managed by Terraform')]),
    problem: /the group has no description; 1 ingress rule\(s\) have no description/,
  },
  'vpc-flow-logs': { compliant: one([vpc, flowLog]), nonCompliant: one([vpc]), problem: /no aws_flow_log in the stack refers to this VPC/ },
  'vpc-default-sg-closed': {
    compliant: one([vpc, defaultSg()]),
    nonCompliant: one([vpc, defaultSg({ ingress: [{ protocol: '-1', self: true, from_port: 0, to_port: 0 }] })]),
    problem: /aws_default_security_group.main still has ingress or egress rules/,
  },
  'subnet-no-auto-public-ip': {
    compliant: one([['aws_subnet', 'a', { map_public_ip_on_launch: false }]]),
    nonCompliant: one([['aws_subnet', 'a', { map_public_ip_on_launch: true }]]),
    problem: /map_public_ip_on_launch is true; wants false/,
  },
  'ecs-task-not-privileged': { compliant: one([task([GOOD_CONTAINER])]), nonCompliant: one([task([{ ...GOOD_CONTAINER, privileged: true }])]), problem: /container "api": privileged is true/ },
  'ecs-task-readonly-root': {
    compliant: one([task([GOOD_CONTAINER])]),
    nonCompliant: one([task([{ ...GOOD_CONTAINER, readonlyRootFilesystem: false }])]),
    problem: /container "api": readonlyRootFilesystem is false/,
  },
  'ecs-task-no-secret-env': {
    compliant: one([task([{ ...GOOD_CONTAINER, environment: [{ name: 'DB_SECRET_ARN', value: 'arn:aws:secretsmanager:eu-west-1:1:secret:x' }] }])]),
    nonCompliant: one([task([{ ...GOOD_CONTAINER, environment: [{ name: 'DB_PASSWORD', value: '${var.db_password}' }] }])]),
    problem: /container "api": environment holds DB_PASSWORD/,
  },
  'ecs-task-awsvpc': { compliant: one([task([GOOD_CONTAINER])]), nonCompliant: one([task([GOOD_CONTAINER], { network_mode: 'bridge' })]), problem: /network_mode is "bridge"; wants "awsvpc"/ },
  'ecs-task-logging': {
    compliant: one([task([GOOD_CONTAINER])]),
    nonCompliant: one([task([{ ...GOOD_CONTAINER, logConfiguration: undefined }])]),
    problem: /container "api": no logConfiguration.logDriver/,
  },
  'ecs-task-efs-transit-encryption': {
    compliant: one([task([GOOD_CONTAINER], { volume: [{ name: 'data', efs_volume_configuration: { file_system_id: 'fs-1', transit_encryption: 'ENABLED' } }] })]),
    nonCompliant: one([task([GOOD_CONTAINER], { volume: [{ name: 'data', efs_volume_configuration: { file_system_id: 'fs-1' } }] })]),
    problem: /volume "data": transit_encryption is not set/,
  },
  'ecs-cluster-container-insights': {
    compliant: one([['aws_ecs_cluster', 'c', { name: 'c', setting: [{ name: 'containerInsights', value: 'enabled' }] }]]),
    nonCompliant: one([['aws_ecs_cluster', 'c', { name: 'c' }]]),
    problem: /containerInsights is not set/,
  },
  'ecs-service-no-public-ip': {
    compliant: one([['aws_ecs_service', 's', { network_configuration: { subnets: ['a'], assign_public_ip: false } }]]),
    nonCompliant: one([['aws_ecs_service', 's', { network_configuration: { subnets: ['a'], assign_public_ip: true } }]]),
    problem: /assign_public_ip is true; wants false/,
  },
  'ecr-immutable-tags': { compliant: one([ecr()]), nonCompliant: one([ecr({ image_tag_mutability: 'MUTABLE' })]), problem: /image_tag_mutability is "MUTABLE"/ },
  'ecr-scan-on-push': { compliant: one([ecr()]), nonCompliant: one([ecr({ image_scanning_configuration: undefined })]), problem: /scan_on_push is not set/ },
  'ecr-lifecycle-policy': {
    compliant: one([ecr(), ['aws_ecr_lifecycle_policy', 'api', { repository: '${aws_ecr_repository.api.name}', policy: '{}' }]]),
    nonCompliant: one([ecr()]),
    problem: /no aws_ecr_lifecycle_policy refers to this repository/,
  },
  'rds-encrypted': { compliant: one(db({})), nonCompliant: one(db({ storage_encrypted: false })), problem: /storage_encrypted is false; wants true/ },
  'rds-not-public': { compliant: one(db({})), nonCompliant: one(db({ publicly_accessible: true })), problem: /publicly_accessible is true; wants false/ },
  'rds-backup-retention': { compliant: one(db({})), nonCompliant: one(db({ backup_retention_period: 1 })), problem: /backup_retention_period is 1; wants >= 7/ },
  'rds-deletion-protection': {
    compliant: one(db({ deletion_protection: false }), 'non-production'),
    nonCompliant: one(db({ deletion_protection: false }), 'production'),
    problem: /deletion_protection is false; wants true in a production-tier stack/,
  },
  'rds-iam-auth': { compliant: one(db({})), nonCompliant: one(db({ iam_database_authentication_enabled: undefined })), problem: /iam_database_authentication_enabled is not set/ },
  'rds-multi-az': {
    compliant: one(db({ multi_az: false }), 'non-production'),
    nonCompliant: one(db({ multi_az: false }), 'production'),
    problem: /multi_az is false; wants true in a production-tier stack/,
  },
  'rds-auto-minor-upgrade': { compliant: one(db({})), nonCompliant: one(db({ auto_minor_version_upgrade: false })), problem: /auto_minor_version_upgrade is false/ },
  'rds-tls-forced': {
    compliant: one(db({})),
    nonCompliant: one([
      ['aws_db_instance', 'db', GOOD_DB],
      ['aws_db_parameter_group', 'postgres', { family: 'postgres16', parameter: [] }],
    ]),
    problem: /aws_db_parameter_group.postgres does not set rds.force_ssl = 1/,
  },
  'rds-managed-password': {
    compliant: one(db({})),
    nonCompliant: one(db({ manage_master_user_password: undefined, password: '${var.db_password}' })),
    problem: /password is set, so it lands in Terraform state/,
  },
  'rds-final-snapshot': {
    compliant: one(db({ skip_final_snapshot: true }), 'non-production'),
    nonCompliant: one(db({ skip_final_snapshot: true }), 'production'),
    problem: /skip_final_snapshot is true/,
  },
  'msk-tls-in-transit': {
    compliant: one(msk({})),
    nonCompliant: one(msk({ encryption_info: { encryption_in_transit: { client_broker: 'TLS_PLAINTEXT' } } })),
    problem: /client_broker is "TLS_PLAINTEXT"; wants TLS only/,
  },
  'msk-encrypted-at-rest': {
    compliant: one(msk({})),
    nonCompliant: one(msk({ encryption_info: { encryption_in_transit: { client_broker: 'TLS' } } })),
    problem: /encryption_at_rest_kms_key_arn is not set/,
  },
  'msk-broker-logs': { compliant: one(msk({})), nonCompliant: one(msk({ logging_info: undefined })), problem: /broker_logs enables no destination/ },
  'msk-iam-auth': {
    compliant: one(msk({})),
    nonCompliant: one(msk({ client_authentication: { unauthenticated: true } })),
    problem: /sasl.iam is not true; client_authentication.unauthenticated is true/,
  },
  'msk-not-public': {
    compliant: one(msk({})),
    nonCompliant: one(msk({ broker_node_group_info: { connectivity_info: { public_access: { type: 'SERVICE_PROVIDED_EIPS' } } } })),
    problem: /public_access.type is "SERVICE_PROVIDED_EIPS"; wants "DISABLED"/,
  },
  's3-public-access-block': {
    compliant: one(secureBucket()),
    nonCompliant: one(secureBucket('aws_s3_bucket_public_access_block')),
    problem: /no aws_s3_bucket_public_access_block refers to this bucket/,
  },
  's3-encryption': {
    compliant: one(secureBucket()),
    nonCompliant: one(secureBucket('aws_s3_bucket_server_side_encryption_configuration')),
    problem: /no server-side encryption configuration/,
  },
  's3-versioning': { compliant: one(secureBucket()), nonCompliant: one(secureBucket('aws_s3_bucket_versioning')), problem: /no aws_s3_bucket_versioning with status "Enabled"/ },
  's3-tls-only': { compliant: one(secureBucket()), nonCompliant: one(secureBucket('aws_s3_bucket_policy')), problem: /no bucket policy denies requests with aws:SecureTransport = false/ },
  's3-ownership-enforced': {
    compliant: one(secureBucket()),
    nonCompliant: one(secureBucket('aws_s3_bucket_ownership_controls')),
    problem: /no aws_s3_bucket_ownership_controls with BucketOwnerEnforced/,
  },
  'dynamodb-pitr': { compliant: one([table({})]), nonCompliant: one([table({ point_in_time_recovery: { enabled: false } })]), problem: /point_in_time_recovery.enabled is false/ },
  'dynamodb-encrypted': { compliant: one([table({})]), nonCompliant: one([table({ server_side_encryption: undefined })]), problem: /server_side_encryption.enabled is not set/ },
  'dynamodb-deletion-protection': {
    compliant: one([table({ deletion_protection_enabled: false })], 'non-production'),
    nonCompliant: one([table({ deletion_protection_enabled: false })], 'production'),
    problem: /deletion_protection_enabled is false/,
  },
  'efs-encrypted': {
    compliant: one([['aws_efs_file_system', 'fs', { encrypted: true }]]),
    nonCompliant: one([['aws_efs_file_system', 'fs', {}]]),
    problem: /encrypted is not set; wants true/,
  },
  'efs-access-point-confined': {
    compliant: one([['aws_efs_access_point', 'grafana', { root_directory: { path: '/grafana' }, posix_user: { uid: 472, gid: 472 } }]]),
    nonCompliant: one([['aws_efs_access_point', 'grafana', { root_directory: { path: '/' } }]]),
    problem: /root_directory.path is "\/"; posix_user uid\/gid is not set/,
  },
  'log-group-retention': {
    compliant: one([['aws_cloudwatch_log_group', 'g', { name: '/ecs/api', retention_in_days: 14 }]]),
    nonCompliant: one([['aws_cloudwatch_log_group', 'g', { name: '/ecs/api' }]]),
    problem: /retention_in_days is not set/,
  },
  'sns-encrypted': {
    compliant: one([['aws_sns_topic', 't', { kms_master_key_id: '${aws_kms_key.k.arn}' }]]),
    nonCompliant: one([['aws_sns_topic', 't', { name: 'alerts' }]]),
    problem: /kms_master_key_id is not set/,
  },
  'firehose-encrypted': {
    compliant: one([
      ['aws_kinesis_firehose_delivery_stream', 'msk', { msk_source_configuration: { topic_name: 'events' }, extended_s3_configuration: { kms_key_arn: '${aws_kms_key.k.arn}' } }],
      ['aws_kinesis_firehose_delivery_stream', 'put', { server_side_encryption: { enabled: true } }],
    ]),
    nonCompliant: one([['aws_kinesis_firehose_delivery_stream', 'msk', { msk_source_configuration: { topic_name: 'events' }, extended_s3_configuration: { bucket_arn: 'arn:aws:s3:::b' } }]]),
    problem: /extended_s3_configuration.kms_key_arn is not set/,
  },
  'no-plaintext-secret': {
    compliant: one([['aws_cognito_identity_provider', 'google', { provider_details: { client_secret: '${var.google_client_secret}' } }]]),
    nonCompliant: one([['aws_cognito_identity_provider', 'google', { provider_details: { client_secret: 'hunter2-plaintext' } }]]),
    problem: /provider_details.client_secret "client_secret" holds a literal value/,
  },
  'iam-no-wildcard-admin': {
    compliant: one([rolePolicy('{"Effect" = "Allow", "Action" = ["s3:GetObject"], "Resource" = "${aws_s3_bucket.data.arn}/*"}')]),
    nonCompliant: one([rolePolicy('{"Effect" = "Allow", "Action" = "*", "Resource" = "*"}')]),
    problem: /allows every action \(Action "\*"\)/,
  },
  'iam-no-admin-managed-policy': {
    compliant: one([['aws_iam_role_policy_attachment', 'a', { role: 'task', policy_arn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' }]]),
    nonCompliant: one([['aws_iam_role_policy_attachment', 'a', { role: 'task', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }]]),
    problem: /attaches arn:aws:iam::aws:policy\/AdministratorAccess/,
  },
  'cognito-no-unauthenticated': {
    compliant: one([['aws_cognito_identity_pool', 'p', { allow_unauthenticated_identities: false }]]),
    nonCompliant: one([['aws_cognito_identity_pool', 'p', { allow_unauthenticated_identities: true }]]),
    problem: /allow_unauthenticated_identities is true; wants false/,
  },
  'cognito-password-policy': {
    compliant: one([pool({})]),
    nonCompliant: one([pool({ password_policy: { minimum_length: 8, require_symbols: false } })]),
    problem: /minimum_length is 8; require_symbols false/,
  },
  'cognito-mfa': { compliant: one([pool({})]), nonCompliant: one([pool({ mfa_configuration: 'OFF' })]), problem: /mfa_configuration is "OFF"/ },
  'cognito-deletion-protection': {
    compliant: one([pool({ deletion_protection: 'INACTIVE' })], 'non-production'),
    nonCompliant: one([pool({ deletion_protection: 'INACTIVE' })], 'production'),
    problem: /deletion_protection is "INACTIVE"; wants "ACTIVE" in a production-tier stack/,
  },
  'state-backend-secure': {
    compliant: one([], 'production', s3Backend({ encrypt: true, dynamodb_table: 'locks' })),
    nonCompliant: one([], 'production', s3Backend({ encrypt: false, dynamodb_table: 'locks' })),
    problem: /encrypt is false/,
  },
  'prevent-destroy-stateful': {
    compliant: one([['aws_efs_file_system', 'fs', { encrypted: true }]], 'non-production'),
    nonCompliant: one([['aws_efs_file_system', 'fs', { encrypted: true, lifecycle: { prevent_destroy: false } }]], 'production'),
    problem: /lifecycle.prevent_destroy is false; wants true in a production-tier stack/,
  },
  'name-within-limit': {
    compliant: one([lb({ name: 'poc-atlas-dev-alb' })]),
    nonCompliant: one([lb({ name: 'poc-atlas-development-shared-edge' })]),
    problem: /name: load balancer name "poc-atlas-development-shared-edge" is 33 characters; AWS allows at most 32/,
  },
  'listener-priority-unique': {
    compliant: [stack('atlas-staging', doc([listenerRule('api', 100, ssmArn)], ssmListener)), stack('monitoring-staging', doc([listenerRule('grafana', 200, ssmArn)], ssmListener))],
    nonCompliant: [stack('atlas-staging', doc([listenerRule('api', 100, ssmArn)], ssmListener)), stack('monitoring-staging', doc([listenerRule('grafana', 100, ssmArn)], ssmListener))],
    problem: /priority 100 on the listener from SSM parameter \/infra\/alb-listener-arn is also used by monitoring-staging\/aws_lb_listener_rule.grafana/,
  },
};

describe('policy rules', () => {
  it('every rule in the pack has a compliant and a non-compliant case', () => {
    // GIVEN the pack WHEN its ids are compared with the cases THEN none is missing and none is stale
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('every rule states its property, its fix and how it may be acknowledged', () => {
    for (const rule of RULES) {
      expect(rule.property.length).toBeGreaterThan(20);
      expect(rule.fix.length).toBeGreaterThan(10);
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const c = CASES[id];

    it('passes the compliant fixture', () => {
      // GIVEN a fixture that has the property WHEN the rule runs THEN it finds nothing
      expect(run(rule, c.compliant)).toEqual([]);
    });

    it('fails the non-compliant fixture, saying what is wrong', () => {
      // GIVEN the same fixture with the property removed WHEN the rule runs THEN it names the problem
      const findings = run(rule, c.nonCompliant);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings[0].rule).toBe(id);
      expect(findings.map((f) => f.problem).join('\n')).toMatch(c.problem);
    });
  });
});

describe('iam-no-admin-managed-policy with the partition from the provider', () => {
  const rule = RULES.find((r) => r.id === 'iam-no-admin-managed-policy')!;
  const attach = (policyArn: string) => one([['aws_iam_role_policy_attachment', 'a', { role: 'task', policy_arn: policyArn }]]);

  it('reads the managed policy behind a partition reference', () => {
    // GIVEN ARNs whose partition is data.aws_partition's WHEN the rule runs THEN the policy name decides
    expect(run(rule, attach('arn:${data.aws_partition.partition.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore'))).toEqual([]);
    expect(run(rule, attach('arn:${data.aws_partition.partition.partition}:iam::aws:policy/AdministratorAccess')).map((f) => f.problem)).toEqual([
      'attaches arn:aws:iam::aws:policy/AdministratorAccess',
    ]);
  });

  it('still refuses an ARN with any other expression in it', () => {
    const findings = run(rule, attach('arn:${data.aws_partition.partition.partition}:iam::aws:policy/${var.policy}'));
    expect(findings.map((f) => f.problem).join('\n')).toMatch(/policy_arn/);
  });
});

describe('internet-wide ranges', () => {
  const rule = RULES.find((r) => r.id === 'sg-no-public-ingress')!;
  const postgresFrom = (cidrs: string[]) => one([sg([{ description: 'postgres', from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: cidrs }])]);

  it.each([['0.0.0.0/0'], ['0.0.0.0/1', '128.0.0.0/1'], ['64.0.0.0/2'], ['8.0.0.0/7']])('counts %s as the internet', (...cidrs) => {
    expect(run(rule, postgresFrom(cidrs)).map((f) => f.problem)).toEqual(['ingress from the whole internet on port 5432']);
  });

  it.each([['10.0.0.0/8'], ['203.0.113.0/24', '198.51.100.7/32']])('does not count %s, ranges one organization holds', (...cidrs) => {
    expect(run(rule, postgresFrom(cidrs))).toEqual([]);
  });

  it('reads IPv6 the same way: wider than /16 is the internet', () => {
    expect(isInternetWide('::/0')).toBe(true);
    expect(isInternetWide('2000::/3')).toBe(true);
    expect(isInternetWide('2001:db8::/32')).toBe(false);
  });
});
