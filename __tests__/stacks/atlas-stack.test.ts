import { Testing } from 'cdktf';
import type { EnvironmentConfig } from '../../src/config/schema';
import { addPlatformStacks } from '../../src/app/platform-app';
import { loadEnvironment } from '../../src/config/load';
import { AtlasStack, DASHBOARD_DB_USER } from '../../stacks/atlas-stack';
import { atlasEnvironment } from '../helpers/atlas-environment';
import { dataSources, type Json, resources, synthJson } from '../helpers/synth';
import { recordedStatements, wildcardGrants } from '../helpers/recorded-statements';

// jest.mock is hoisted above the imports, so its factory loads the helper itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('../../src/constructs/iam/policies', () => require('../helpers/recorded-statements').recordingPolicies());

function synthAtlas(env: EnvironmentConfig): Json {
  const stack = new AtlasStack(Testing.app(), `atlas-${env.name}`, { env });
  return synthJson(stack);
}

const staging = synthAtlas(loadEnvironment('staging'));
const prod = synthAtlas(loadEnvironment('prod'));
const values = (json: Json, type: string): Json[] => Object.values(resources(json, type));
const ingressRules = (json: Json) => values(json, 'aws_vpc_security_group_ingress_rule');

describe('atlas stack: PostgreSQL', () => {
  test.each([
    ['staging', staging],
    ['prod', prod],
  ])('%s: encrypted, TLS forced, IAM auth, RDS-managed master password, backups and performance insights', (_, json) => {
    const db = json.resource.aws_db_instance.database;
    expect(db).toMatchObject({
      engine: 'postgres',
      storage_encrypted: true,
      manage_master_user_password: true,
      iam_database_authentication_enabled: true,
      performance_insights_enabled: true,
      auto_minor_version_upgrade: true,
    });
    expect(db.backup_retention_period).toBeGreaterThanOrEqual(7);
    expect(db).not.toHaveProperty('password');
    expect(json.resource.aws_db_parameter_group.database_parameter_group.parameter).toContainEqual(expect.objectContaining({ name: 'rds.force_ssl', value: '1' }));
  });

  test('staging keeps the public placement, single-AZ, without deletion protection', () => {
    const db = staging.resource.aws_db_instance.database;
    expect(db).toMatchObject({ publicly_accessible: true, multi_az: false, deletion_protection: false, skip_final_snapshot: true, lifecycle: { prevent_destroy: false } });
    expect(staging.resource.aws_db_subnet_group.database_subnet_group.subnet_ids).toContain('platform_public_subnet_ids');
  });

  test('prod is private, Multi-AZ, deletion-protected, snapshots on destroy and cannot be destroyed by Terraform', () => {
    const db = prod.resource.aws_db_instance.database;
    expect(db).toMatchObject({
      publicly_accessible: false,
      multi_az: true,
      deletion_protection: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: 'atlas-prod-dashboard-db-final',
      lifecycle: { prevent_destroy: true },
    });
    expect(prod.resource.aws_db_subnet_group.database_subnet_group.subnet_ids).toContain('platform_private_subnet_ids');
  });

  test('staging admits PostgreSQL only from the allow list and the dashboard backend; prod only from the backend', () => {
    const postgres = (json: Json) => ingressRules(json).filter((r) => r.from_port === 5432);
    expect(
      postgres(staging)
        .map((r) => r.cidr_ipv4 ?? r.referenced_security_group_id)
        .sort(),
    ).toEqual(['${aws_security_group.dashboard_backend_security_group.id}', '203.0.113.0/24']);
    expect(postgres(prod).map((r) => r.cidr_ipv4 ?? r.referenced_security_group_id)).toEqual(['${aws_security_group.dashboard_backend_security_group.id}']);
  });
});

describe('atlas stack: MSK', () => {
  test.each([
    ['staging', staging],
    ['prod', prod],
  ])('%s: SASL/IAM only, TLS client-broker and in cluster, broker logs, ACLs enforced', (_, json) => {
    const kafka = json.resource.aws_msk_cluster.kafka;
    expect(kafka.client_authentication).toEqual({ sasl: { iam: true, scram: false }, unauthenticated: false });
    expect(kafka.encryption_info.encryption_in_transit).toEqual({ client_broker: 'TLS', in_cluster: true });
    expect(kafka.logging_info.broker_logs.cloudwatch_logs).toEqual({ enabled: true, log_group: '${aws_cloudwatch_log_group.kafka_broker_logs.name}' });
    expect(json.resource.aws_msk_configuration.kafka_configuration.server_properties).toContain('allow.everyone.if.no.acl.found=false');
    expect(json.output?.kafka_bootstrap_brokers_iam.value).toBe('${aws_msk_cluster.kafka.bootstrap_brokers_sasl_iam}');
  });

  test('staging: public IAM+TLS endpoints from public subnets, reachable only from the allow list', () => {
    const broker = staging.resource.aws_msk_cluster.kafka.broker_node_group_info;
    expect(broker.connectivity_info).toEqual({ public_access: { type: 'SERVICE_PROVIDED_EIPS' } });
    expect(broker.client_subnets).toContain('platform_public_subnet_ids');
    expect(
      ingressRules(staging)
        .filter((r) => r.from_port === 9198)
        .map((r) => r.cidr_ipv4),
    ).toEqual(['203.0.113.0/24']);
    expect(staging.output?.kafka_bootstrap_brokers_public_iam.value).toBe('${aws_msk_cluster.kafka.bootstrap_brokers_public_sasl_iam}');
    expect(resources(staging, 'aws_msk_cluster_policy')).toEqual({});
  });

  test('prod: private brokers with multi-VPC IAM connectivity and a cluster policy for the client accounts', () => {
    const broker = prod.resource.aws_msk_cluster.kafka.broker_node_group_info;
    expect(broker.connectivity_info).toEqual({ public_access: { type: 'DISABLED' }, vpc_connectivity: { client_authentication: { sasl: { iam: true } } } });
    expect(broker.client_subnets).toContain('platform_private_subnet_ids');
    expect(prod.resource.aws_msk_cluster_policy.kafka_policy.policy).toContain('"AWS" = ["arn:${data.aws_partition.partition.partition}:iam::111122223333:root"]');
    expect(prod.resource.aws_msk_cluster_policy.kafka_policy.policy).toContain('"kafka:CreateVpcConnection"');
    expect(prod.output).not.toHaveProperty('kafka_bootstrap_brokers_public_iam');
    expect(prod.output?.kafka_bootstrap_brokers_vpc_connectivity_iam).toBeDefined();
    expect(ingressRules(prod).filter((r) => r.from_port === 9198)).toEqual([]);
  });

  test('prod MSK cannot be destroyed by Terraform; staging can', () => {
    expect(prod.resource.aws_msk_cluster.kafka.lifecycle).toEqual({ prevent_destroy: true });
    expect(staging.resource.aws_msk_cluster.kafka.lifecycle).toEqual({ prevent_destroy: false });
  });

  test('phase create leaves public access off on staging (AWS refuses it at creation); brokers stay in the public subnets', () => {
    const json = synthAtlas(atlasEnvironment('staging', { msk: { phase: 'create' } }));
    const broker = json.resource.aws_msk_cluster.kafka.broker_node_group_info;
    expect(broker.connectivity_info).toEqual({ public_access: { type: 'DISABLED' } });
    // Same subnets in both phases: changing client subnets would replace the cluster.
    expect(broker.client_subnets).toBe(staging.resource.aws_msk_cluster.kafka.broker_node_group_info.client_subnets);
    expect(json.output).not.toHaveProperty('kafka_bootstrap_brokers_public_iam');
  });

  test('phase create leaves multi-VPC auth off on prod; the cluster policy may exist from the start', () => {
    const json = synthAtlas(atlasEnvironment('prod', { msk: { phase: 'create' } }));
    expect(json.resource.aws_msk_cluster.kafka.broker_node_group_info.connectivity_info).toEqual({ public_access: { type: 'DISABLED' } });
    expect(json.output).not.toHaveProperty('kafka_bootstrap_brokers_vpc_connectivity_iam');
    expect(json.resource.aws_msk_cluster.kafka.client_authentication.sasl.iam).toBe(true);
  });

  test('the services that use Kafka, and only they, reach the brokers on the IAM port', () => {
    const sources = ingressRules(staging)
      .filter((r) => r.from_port === 9098)
      .map((r) => r.referenced_security_group_id)
      .sort();
    expect(sources).toEqual(['${aws_security_group.events_ingestion_security_group.id}', '${aws_security_group.kafka_ui_security_group.id}']);
  });
});

describe('atlas stack: runtime-config secrets', () => {
  test('staging deletes destroyed secrets at once, so a destroyed staging can be applied again under the same names', () => {
    for (const id of ['events_ingestion_config', 'dashboard_backend_config']) {
      expect(staging.resource.aws_secretsmanager_secret[id].recovery_window_in_days).toBe(0);
      expect(prod.resource.aws_secretsmanager_secret[id].recovery_window_in_days).toBe(30);
    }
  });
});

describe('atlas stack: services', () => {
  test('three services behind the shared listener with their registry priorities and the catch-all last', () => {
    const rules = resources(staging, 'aws_lb_listener_rule');
    expect(Object.fromEntries(Object.entries(rules).map(([name, r]) => [name, r.priority]))).toEqual({
      events_ingestion_route_host_rule: 100,
      events_ingestion_route_catch_all_rule: 50000,
      dashboard_backend_route_host_rule: 110,
      kafka_ui_route_host_rule: 120,
    });
    expect(rules.events_ingestion_route_catch_all_rule.condition).toEqual([{ path_pattern: { values: ['/*'] } }]);
    expect(rules.events_ingestion_route_host_rule.condition).toEqual([{ host_header: { values: ['events.hari328.net'] } }]);
    expect(rules.kafka_ui_route_host_rule.action[0].type).toBe('authenticate-cognito');
  });

  test.each([
    ['staging', staging, loadEnvironment('staging')],
    ['prod', prod, loadEnvironment('prod')],
  ])("%s: the application image variables default to the config's release tag in the service's own ECR repository", (_, json, env) => {
    // GIVEN the repositories the stack creates and the tags in the environment's config
    const repositories = resources(json, 'aws_ecr_repository');
    const registry = `${env.aws.accountId}.dkr.ecr.${env.aws.region}.amazonaws.com`;
    // THEN each variable (name unchanged) defaults to <registry>/<repository>:<tag>, so Atlantis plans without -var
    expect(json.variable?.events_ingestion_image.default).toBe(`${registry}/${repositories.events_ingestion_repository.name}:${env.atlas.services.eventsIngestion.imageTag}`);
    expect(json.variable?.dashboard_backend_image.default).toBe(`${registry}/${repositories.dashboard_backend_repository.name}:${env.atlas.services.dashboardBackend.imageTag}`);
    expect(json.variable?.events_ingestion_image.default).toBe(`${registry}/${env.namePrefix}-events-ingestion:${env.atlas.services.eventsIngestion.imageTag}`);
    // AND the containers take the variables, which -var still overrides
    expect(json.resource.aws_ecs_task_definition.events_ingestion_task.container_definitions).toContain('"image" = var.events_ingestion_image');
    expect(json.resource.aws_ecs_task_definition.dashboard_backend_task.container_definitions).toContain('"image" = var.dashboard_backend_image');
  });

  test('every image variable has a default: a plan needs no -var', () => {
    for (const json of [staging, prod]) {
      expect(
        Object.entries(json.variable ?? {})
          .filter(([, v]) => (v as Json).default === undefined)
          .map(([name]) => name),
      ).toEqual([]);
    }
    expect(staging.variable?.kafka_ui_image.default).toMatch(/^provectuslabs\/kafka-ui:v\d/);
  });

  test('the tags are config values: changing one changes only that default', () => {
    const base = loadEnvironment('staging');
    const bumped = synthAtlas({ ...base, atlas: { ...base.atlas, services: { ...base.atlas.services, dashboardBackend: { ...base.atlas.services.dashboardBackend, imageTag: '9.9.9' } } } });
    expect(bumped.variable?.dashboard_backend_image.default).toBe('111122223333.dkr.ecr.eu-west-1.amazonaws.com/poc-atlas-dev-dashboard-backend:9.9.9');
    expect(bumped.variable?.events_ingestion_image.default).toBe(staging.variable?.events_ingestion_image.default);
  });

  test('sizes come from the environment config', () => {
    expect(staging.resource.aws_ecs_task_definition.events_ingestion_task).toMatchObject({ cpu: '256', memory: '512' });
    expect(prod.resource.aws_ecs_task_definition.events_ingestion_task).toMatchObject({ cpu: '512', memory: '1024' });
    expect(prod.resource.aws_ecs_service.events_ingestion_service.desired_count).toBe(2);
  });

  test('runtime configs are secrets without a value in Terraform, injected through valueFrom', () => {
    expect(Object.keys(resources(staging, 'aws_secretsmanager_secret')).sort()).toEqual(['dashboard_backend_config', 'events_ingestion_config']);
    expect(resources(staging, 'aws_secretsmanager_secret_version')).toEqual({});
    expect(staging.resource.aws_ecs_task_definition.events_ingestion_task.container_definitions).toContain(
      '{"name" = "RUNTIME_CONFIG", "valueFrom" = aws_secretsmanager_secret.events_ingestion_config.arn}',
    );
  });

  test('no task gets a public IP and every service has its own security group', () => {
    for (const service of values(staging, 'aws_ecs_service')) expect(service.network_configuration.assign_public_ip).toBe(false);
    expect(Object.keys(resources(staging, 'aws_security_group')).sort()).toEqual([
      'dashboard_backend_security_group',
      'database_security_group',
      'events_ingestion_security_group',
      'kafka_security_group',
      'kafka_ui_security_group',
    ]);
  });

  test('no ingress rule anywhere opens a port to the whole internet', () => {
    for (const json of [staging, prod]) {
      for (const rule of ingressRules(json)) expect(rule.cidr_ipv4).not.toBe('0.0.0.0/0');
      for (const sg of values(json, 'aws_security_group')) for (const rule of sg.ingress ?? []) expect(rule.cidr_blocks ?? []).not.toContain('0.0.0.0/0');
    }
  });
});

describe('atlas stack: least privilege', () => {
  const statementsOf = (env: EnvironmentConfig) => {
    recordedStatements.splice(0);
    synthAtlas(env);
    return [...recordedStatements];
  };
  const staged = statementsOf(loadEnvironment('staging'));
  const actions = (sid: string) => staged.filter((s) => s.Sid === sid).flatMap((s) => [s.Action].flat());

  test('the checker sees a * on * grant when there is one', () => {
    expect(wildcardGrants([{ Effect: 'Allow', Action: '*', Resource: '*' }])).toHaveLength(1);
  });

  test('no policy of the stack grants * on *, and no application statement has a * resource', () => {
    expect(staged.length).toBeGreaterThan(5);
    expect(wildcardGrants(staged)).toEqual([]);
    expect(staged.filter((s) => s.Effect === 'Allow' && !s.Principal && [s.Resource].flat().includes('*'))).toEqual([]);
  });

  test('events ingestion may write topics of this cluster only', () => {
    expect(actions('WriteTopics')).toEqual(['kafka-cluster:DescribeTopic', 'kafka-cluster:CreateTopic', 'kafka-cluster:WriteData']);
    const policy = staging.resource.aws_iam_role_policy.events_ingestion_roles_task_policy.policy;
    expect(policy).toContain(
      '"Action" = ["kafka-cluster:DescribeTopic", "kafka-cluster:CreateTopic", "kafka-cluster:WriteData"], "Resource" = "${replace(aws_msk_cluster.kafka.arn, ":cluster/", ":topic/")}/*"',
    );
  });

  test('Kafka UI reads and describes, never writes or administers', () => {
    const kafkaUi = [...actions('ReadTopics'), ...actions('DescribeGroups'), ...actions('UseOwnGroups')];
    expect(kafkaUi).toContain('kafka-cluster:ReadData');
    expect(kafkaUi.filter((a) => /WriteData|CreateTopic|DeleteTopic|AlterTopic|AlterCluster|\*$/.test(a))).toEqual([]);
  });

  test('the dashboard backend connects to PostgreSQL as its own IAM database user', () => {
    const connect = staged.find((s) => s.Sid === 'ConnectAsDashboardUser');
    expect(connect?.Action).toBe('rds-db:connect');
    // The partition is a reference (data.aws_partition), not a literal "aws".
    expect(connect?.Resource).toMatch(new RegExp(`^arn:\\$\\{TfToken\\[TOKEN\\.\\d+\\]\\}:rds-db:.*:dbuser:.*/${DASHBOARD_DB_USER}$`));
  });
});

describe('atlas stack: alarms, exports and wiring', () => {
  test('alarms cover target 5xx, RDS CPU/storage/connections and MSK disk, all to the operator topic', () => {
    const alarms = values(staging, 'aws_cloudwatch_metric_alarm');
    const metrics = new Set(alarms.map((a) => a.metric_name));
    for (const metric of ['HTTPCode_Target_5XX_Count', 'UnHealthyHostCount', 'CPUUtilization', 'MemoryUtilization', 'FreeStorageSpace', 'DatabaseConnections', 'KafkaDataLogsDiskUsed']) {
      expect(metrics).toContain(metric);
    }
    expect(alarms.filter((a) => a.metric_name === 'KafkaDataLogsDiskUsed')).toHaveLength(2);
    for (const alarm of alarms) expect(alarm.alarm_actions).toEqual(['${data.aws_ssm_parameter.platform_operator_topic_arn.insecure_value}']);
  });

  test('the export bucket is versioned, encrypted, private and TLS-only when enabled, absent when disabled', () => {
    expect(staging.resource.aws_s3_bucket.kafka_exports.bucket).toBe('poc-atlas-dev-kafka-exports-111122223333');
    expect(staging.resource.aws_s3_bucket_versioning.kafka_exports_versioning.versioning_configuration.status).toBe('Enabled');
    expect(staging.resource.aws_s3_bucket_policy.kafka_exports_policy.policy).toContain('"aws:SecureTransport" = "false"');
    expect(prod.resource.aws_s3_bucket.kafka_exports.lifecycle).toEqual({ prevent_destroy: true });
    const without = synthAtlas(atlasEnvironment('staging', { exportBucket: { enabled: false, topics: [] } }));
    expect(resources(without, 'aws_s3_bucket')).toEqual({});
    expect(without.output).not.toHaveProperty('kafka_exports_bucket');
  });

  test('Firehose exports the configured topics: public brokers in staging, multi-VPC private ones in prod', () => {
    const source = (json: Json) => json.resource.aws_kinesis_firehose_delivery_stream.kafka_export_stream_events.msk_source_configuration;
    expect(source(staging).authentication_configuration.connectivity).toBe('PUBLIC');
    expect(source(prod).authentication_configuration.connectivity).toBe('PRIVATE');
    expect(source(prod).msk_cluster_arn).toBe('${aws_msk_cluster.kafka.arn}');
    // Prod's one cluster policy lets Firehose create its VPC connection; staging needs none.
    expect(prod.resource.aws_msk_cluster_policy.kafka_policy.policy).toContain('"Service" = ["firehose.amazonaws.com"]');
    expect(staging.resource.aws_msk_cluster_policy).toBeUndefined();
    for (const json of [staging, prod]) {
      const s3 = json.resource.aws_kinesis_firehose_delivery_stream.kafka_export_stream_events.extended_s3_configuration;
      expect(s3.bucket_arn).toBe('${aws_s3_bucket.kafka_exports.arn}');
      // Objects and the bucket default share the platform's key.
      expect(s3.kms_key_arn).toBe('${aws_kms_key.kafka_exports_key.arn}');
      const sse = json.resource.aws_s3_bucket_server_side_encryption_configuration.kafka_exports_encryption.rule[0].apply_server_side_encryption_by_default;
      expect(sse).toEqual({ sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.kafka_exports_key.arn}' });
      expect(json.output.kafka_export_streams.value).toContain('kafka_export_stream_events.name');
    }
  });

  test('with MSK in phase create (no public or multi-VPC brokers yet) the streams wait, the bucket stays', () => {
    const created = synthAtlas(atlasEnvironment('staging', { msk: { phase: 'create' } }));
    expect(resources(created, 'aws_kinesis_firehose_delivery_stream')).toEqual({});
    expect(created.resource.aws_s3_bucket.kafka_exports).toBeDefined();
    const none = synthAtlas(atlasEnvironment('prod', { exportBucket: { topics: [] } }));
    expect(resources(none, 'aws_kinesis_firehose_delivery_stream')).toEqual({});
    expect(none.resource.aws_msk_cluster_policy.kafka_policy.policy).not.toContain('firehose');
  });

  test('the stack reads Layer 1 only through SSM data sources', () => {
    for (const json of [staging, prod]) {
      expect(Object.keys(json.data).sort()).toEqual(['aws_caller_identity', 'aws_partition', 'aws_region', 'aws_ssm_parameter']);
      expect(JSON.stringify(json)).not.toMatch(/terraform_remote_state|"(vpc|subnet|sg)-[0-9a-f]{8,}"/);
    }
    expect(Object.values(dataSources(prod, 'aws_ssm_parameter')).every((d) => d.name.startsWith('/atlas-prod/infra/'))).toBe(true);
  });

  test('the app deploys atlas-<env> after base-infra-<env>', () => {
    const app = Testing.app();
    const stacks = addPlatformStacks(app, [loadEnvironment('staging')]);
    expect(stacks.atlas.staging.node.id).toBe('atlas-staging');
    expect(stacks.atlas.staging.dependencies).toContain(stacks.baseInfra.staging);
  });
});
