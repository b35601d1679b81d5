import { TerraformOutput, Testing } from 'cdktf';
import { KafkaCluster, type KafkaClusterProps } from '../../../src/constructs/streaming/kafka-cluster';
import { NameLimitError, Names } from '../../../src/core/naming';
import { PlatformStack } from '../../../src/core/platform-stack';
import { type Json, synthJson } from '../../helpers/synth';
import { PropsError } from '../../../src/core/input-error';
import { expectInputError } from '../../helpers/input-error';

function kafka(overrides: Partial<KafkaClusterProps> = {}): { cluster: KafkaCluster; json: () => Json } {
  const stack = new PlatformStack(Testing.app(), 'test', { region: 'eu-west-1', accountId: '111122223333', tags: { environment: 'dev', layer: 'atlas', repository: 'test' } });
  const cluster = new KafkaCluster(stack, 'kafka', {
    names: new Names('poc-atlas-dev'),
    kafkaVersion: '3.6.0',
    brokerInstanceType: 'kafka.m5.large',
    brokers: 2,
    ebsVolumeSizeInGib: 100,
    vpcId: 'vpc-0123456789abcdef0',
    subnetIds: ['subnet-a', 'subnet-b'],
    logRetentionInDays: 14,
    ...overrides,
  });
  return { cluster, json: () => synthJson(stack) };
}

describe('KafkaCluster', () => {
  test('by default: private, no multi-VPC, no cluster policy, protected from destroy', () => {
    const json = kafka().json();
    const cluster = json.resource.aws_msk_cluster.kafka;
    expect(cluster.broker_node_group_info.connectivity_info).toEqual({ public_access: { type: 'DISABLED' } });
    expect(cluster.lifecycle).toEqual({ prevent_destroy: true });
    expect(json.resource.aws_msk_cluster_policy).toBeUndefined();
    expect(json.resource.aws_vpc_security_group_ingress_rule).toBeUndefined();
  });

  test.each([
    ['create', 'DISABLED', false],
    ['enable', 'SERVICE_PROVIDED_EIPS', true],
  ] as const)('phase %s sets public access to %s', (phase, type, enabled) => {
    const { cluster, json } = kafka({ phase, publicAccess: true, publicAccessCidrs: ['198.51.100.0/24'] });
    expect(cluster.publicAccessEnabled).toBe(enabled);
    expect(json().resource.aws_msk_cluster.kafka.broker_node_group_info.connectivity_info.public_access.type).toBe(type);
  });

  test('phase create omits multi-VPC auth but keeps the cluster policy; enable adds the IAM scheme', () => {
    const created = kafka({ phase: 'create', multiVpcClientAccountIds: ['444455556666'] }).json();
    expect(created.resource.aws_msk_cluster.kafka.broker_node_group_info.connectivity_info.vpc_connectivity).toBeUndefined();
    expect(created.resource.aws_msk_cluster_policy.kafka_policy.policy).toContain('arn:${data.aws_partition.partition.partition}:iam::444455556666:root');
    const enabled = kafka({ phase: 'enable', multiVpcClientAccountIds: ['444455556666'] }).json();
    expect(enabled.resource.aws_msk_cluster.kafka.broker_node_group_info.connectivity_info.vpc_connectivity).toEqual({ client_authentication: { sasl: { iam: true } } });
  });

  test('client security groups get the private IAM port only', () => {
    const { cluster, json } = kafka();
    cluster.allowClientsFrom('app', 'sg-0app', 'from the app');
    expect(json().resource.aws_vpc_security_group_ingress_rule.kafka_client_app).toMatchObject({ from_port: 9098, to_port: 9098, referenced_security_group_id: 'sg-0app' });
  });

  test('topic and group ARNs are derived from the cluster ARN', () => {
    const { cluster, json } = kafka();
    new TerraformOutput(cluster, 'groups', { value: cluster.resourceArn('group', 'kafka-ui*') });
    expect(json().output?.kafka_groups.value).toBe('${replace(aws_msk_cluster.kafka.arn, ":cluster/", ":group/")}/kafka-ui*');
  });

  test('rejects public access without an allow list', () => {
    expectInputError(PropsError, () => kafka({ publicAccess: true }), 'KafkaCluster: publicAccess = true with no publicAccessCidrs. Fix:');
  });

  test('rejects a cluster name over the MSK limit', () => {
    expectInputError(NameLimitError, () => kafka({ names: new Names('x'.repeat(60)) }), /MSK cluster name .* is 66 characters; AWS allows at most 64/);
  });
});
