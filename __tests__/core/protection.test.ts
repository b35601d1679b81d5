/**
 * One protection model: every stateful construct takes a `Protection`, is protected when given
 * none, and turns each part off only when told to.
 */

import { PostgresDatabase } from '../../src/constructs/database/postgres-database';
import { DnsCertificate } from '../../src/constructs/edge/dns-certificate';
import { LoadBalancer } from '../../src/constructs/edge/load-balancer';
import { UserDirectory } from '../../src/constructs/identity/user-directory';
import { LockTable } from '../../src/constructs/storage/lock-table';
import { SecureBucket } from '../../src/constructs/storage/secure-bucket';
import { SharedFileSystem } from '../../src/constructs/storage/shared-file-system';
import { KafkaCluster } from '../../src/constructs/streaming/kafka-cluster';
import { Names } from '../../src/core/naming';
import type { PlatformStack } from '../../src/core/platform-stack';
import { type Protection, protectionOf } from '../../src/core/protection';
import { environmentSchema } from '../../src/config/schema';
import { staging } from '../../src/config/staging';
import { type Json, resources, synthJson } from '../helpers/synth';
import { testStack } from '../helpers/stack';

const names = new Names('test');

/** Every stateful construct of the platform, built with `protection`. */
function allStateful(stack: PlatformStack, protection: Protection | undefined): void {
  const p = protection === undefined ? {} : { protection };
  new LockTable(stack, 'lock', { tableName: 'locks', ...p });
  new SecureBucket(stack, 'bucket', { bucketName: 'test-bucket-111122223333', ...p });
  new SharedFileSystem(stack, 'efs', { names, vpcId: 'vpc-1', vpcCidr: '10.0.0.0/16', subnets: [], ...p });
  new DnsCertificate(stack, 'dns', { domain: 'example.com', createHostedZone: true, ...p });
  new LoadBalancer(stack, 'alb', {
    names,
    accountId: '111122223333',
    vpcId: 'vpc-1',
    vpcCidr: '10.0.0.0/16',
    publicSubnetIds: ['subnet-a'],
    certificateArn: 'arn',
    accessLogRetentionInDays: 30,
    ...p,
  });
  new UserDirectory(stack, 'cognito', {
    names,
    domainPrefix: 'test-auth',
    googleClientId: 'id.apps.googleusercontent.com',
    googleClientSecret: '${var.google_client_secret}',
    callbackHostnames: ['grafana.example.com'],
    allowedEmails: ['ops@example.com'],
    allowedEmailDomains: [],
    logRetentionInDays: 14,
    ...p,
  });
  new PostgresDatabase(stack, 'database', {
    names,
    name: 'db',
    engineVersion: '16',
    instanceClass: 'db.t4g.medium',
    allocatedStorageInGib: 20,
    databaseName: 'app',
    vpcId: 'vpc-1',
    subnetIds: ['subnet-a', 'subnet-b'],
    logRetentionInDays: 14,
    ...p,
  });
  new KafkaCluster(stack, 'kafka', {
    names,
    kafkaVersion: '3.6.0',
    brokerInstanceType: 'kafka.m5.large',
    brokers: 2,
    ebsVolumeSizeInGib: 100,
    vpcId: 'vpc-1',
    subnetIds: ['subnet-a', 'subnet-b'],
    logRetentionInDays: 14,
    ...p,
  });
}

/** Each stateful resource's protection as synthesized: prevent_destroy and the service's own flag. */
function protections(json: Json): Record<string, unknown> {
  const preventDestroy = (type: string) => Object.fromEntries(Object.entries(resources(json, type)).map(([name, r]) => [`${type}.${name} prevent_destroy`, r.lifecycle?.prevent_destroy]));
  return {
    ...['aws_s3_bucket', 'aws_dynamodb_table', 'aws_db_instance', 'aws_msk_cluster', 'aws_efs_file_system', 'aws_route53_zone'].reduce((all, type) => ({ ...all, ...preventDestroy(type) }), {}),
    'aws_dynamodb_table.lock deletion_protection_enabled': resources(json, 'aws_dynamodb_table').lock.deletion_protection_enabled,
    'aws_db_instance.database deletion_protection': resources(json, 'aws_db_instance').database.deletion_protection,
    'aws_lb.alb enable_deletion_protection': resources(json, 'aws_lb').alb.enable_deletion_protection,
    'aws_cognito_user_pool.cognito deletion_protection': resources(json, 'aws_cognito_user_pool').cognito.deletion_protection,
  };
}

function synthAll(protection: Protection | undefined): Record<string, unknown> {
  const stack = testStack();
  allStateful(stack, protection);
  return protections(synthJson(stack));
}

describe('Protection', () => {
  it('fills in both parts as on', () => {
    expect(protectionOf(undefined)).toEqual({ deletionProtection: true, preventDestroy: true });
    expect(protectionOf({ preventDestroy: false })).toEqual({ deletionProtection: true, preventDestroy: false });
  });

  it('protects every stateful resource when a construct is given no protection', () => {
    const seen = synthAll(undefined);
    // prevent_destroy on seven resources (two buckets: the plain one and the access logs), four service flags.
    expect(Object.keys(seen)).toHaveLength(11);
    for (const [what, value] of Object.entries(seen)) expect([what, value]).toEqual([what, what.includes('cognito') ? 'ACTIVE' : true]);
  });

  it('turns off only the part it is told to', () => {
    const noDestroyGuard = synthAll({ preventDestroy: false });
    for (const [what, value] of Object.entries(noDestroyGuard)) {
      const expected = what.endsWith('prevent_destroy') ? false : what.includes('cognito') ? 'ACTIVE' : true;
      expect([what, value]).toEqual([what, expected]);
    }
    const noServiceGuard = synthAll({ deletionProtection: false });
    for (const [what, value] of Object.entries(noServiceGuard)) {
      const expected = what.endsWith('prevent_destroy') ? true : what.includes('cognito') ? 'INACTIVE' : false;
      expect([what, value]).toEqual([what, expected]);
    }
  });

  it('accepts only the two tiers, naming the fix', () => {
    const result = environmentSchema.safeParse({ ...staging, tier: 'staging' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path.join('.') === 'tier')?.message).toBe('is not a tier. Fix: one of production, non-production');
  });
});
