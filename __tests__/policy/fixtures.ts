/** Hand-written Terraform JSON fixtures: the shape `cdktf synth` writes, small enough to read. */
import { StackDocument } from '../../src/terraform-json/document';
import { type CheckedStack, findAll } from '../../src/policy/evaluate';
import type { Finding, Rule, Tier } from '../../src/policy/types';

export type Doc = Record<string, unknown>;
type Attrs = Record<string, unknown>;

/** A document with one resource per `[type, name, attributes]` entry, plus optional top-level sections. */
export function doc(resources: [string, string, Attrs][], extra: Doc = {}): Doc {
  const resource: Record<string, Record<string, Attrs>> = {};
  for (const [type, name, attrs] of resources) (resource[type] ??= {})[name] = attrs;
  return { ...extra, resource };
}

export function stack(name: string, document: Doc, tier: Tier = 'production'): CheckedStack {
  return { document: new StackDocument(name, [document]), tier };
}

/** Findings of one rule over the given stacks. */
export function run(rule: Rule, stacks: CheckedStack[]): Finding[] {
  return findAll(stacks, [rule]);
}

/** A bucket with every companion a secure bucket has; `without` drops one of them. */
export function secureBucket(without?: string): [string, string, Attrs][] {
  const bucket = '${aws_s3_bucket.data.id}';
  const all: [string, string, Attrs][] = [
    ['aws_s3_bucket', 'data', { bucket: 'atlas-data-bucket' }],
    ['aws_s3_bucket_versioning', 'data_versioning', { bucket, versioning_configuration: { status: 'Enabled' } }],
    ['aws_s3_bucket_server_side_encryption_configuration', 'data_encryption', { bucket, rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } }] }],
    ['aws_s3_bucket_public_access_block', 'data_public_access', { bucket, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }],
    ['aws_s3_bucket_ownership_controls', 'data_ownership', { bucket, rule: { object_ownership: 'BucketOwnerEnforced' } }],
    [
      'aws_s3_bucket_policy',
      'data_policy',
      {
        bucket,
        policy:
          '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Deny", "Principal" = "*", "Action" = "s3:*", "Resource" = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"], "Condition" = {"Bool" = {"aws:SecureTransport" = "false"}}}]})}',
      },
    ],
  ];
  return all.filter(([type]) => type !== without);
}

/** An ECS task definition whose containers are given as a JSON string, as CDKTF writes them. */
export function task(containers: Attrs[], attrs: Attrs = {}): [string, string, Attrs] {
  return ['aws_ecs_task_definition', 'api', { family: 'api', network_mode: 'awsvpc', container_definitions: JSON.stringify(containers), ...attrs }];
}

export const GOOD_CONTAINER: Attrs = {
  name: 'api',
  image: 'api:1',
  readonlyRootFilesystem: true,
  logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/api' } },
  environment: [{ name: 'LOG_LEVEL', value: 'info' }],
  secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db' }],
};

export const GOOD_DB: Attrs = {
  identifier: 'atlas-prod-db',
  storage_encrypted: true,
  publicly_accessible: false,
  backup_retention_period: 7,
  deletion_protection: true,
  iam_database_authentication_enabled: true,
  multi_az: true,
  manage_master_user_password: true,
  parameter_group_name: '${aws_db_parameter_group.postgres.name}',
  lifecycle: { prevent_destroy: true },
};

export const FORCE_SSL_GROUP: [string, string, Attrs] = ['aws_db_parameter_group', 'postgres', { family: 'postgres16', parameter: [{ name: 'rds.force_ssl', value: '1' }] }];

export const GOOD_MSK: Attrs = {
  cluster_name: 'atlas-prod-kafka',
  encryption_info: { encryption_at_rest_kms_key_arn: '${aws_kms_key.kafka.arn}', encryption_in_transit: { client_broker: 'TLS', in_cluster: true } },
  client_authentication: { sasl: { iam: true }, unauthenticated: false },
  logging_info: { broker_logs: { cloudwatch_logs: { enabled: true, log_group: '${aws_cloudwatch_log_group.kafka.name}' } } },
  broker_node_group_info: { connectivity_info: { public_access: { type: 'DISABLED' } } },
};
