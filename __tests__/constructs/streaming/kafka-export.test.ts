jest.mock('../../../src/constructs/iam/policies', () => require('../../helpers/recorded-statements').recordingPolicies());

import { KafkaCluster } from '../../../src/constructs/streaming/kafka-cluster';
import { KafkaExport, type KafkaExportProps } from '../../../src/constructs/streaming/kafka-export';
import { notifyTopic } from '../../../src/constructs/service/service-alarms';
import { Names } from '../../../src/core/naming';
import { recordedStatements } from '../../helpers/recorded-statements';
import { testStack } from '../../helpers/stack';
import { type Json, synthJson } from '../../helpers/synth';

const BUCKET = 'arn:aws:s3:::exports-bucket';
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/abc';

function build(overrides: Partial<KafkaExportProps> = {}, multiVpcClientAccountIds: string[] = []): { json: Json; exporter: KafkaExport } {
  recordedStatements.length = 0;
  const stack = testStack();
  const names = new Names('poc-atlas-dev');
  const kafka = new KafkaCluster(stack, 'kafka', {
    names,
    kafkaVersion: '3.6.0',
    brokerInstanceType: 'kafka.m5.large',
    brokers: 2,
    ebsVolumeSizeInGib: 100,
    vpcId: 'vpc-1',
    subnetIds: ['subnet-a', 'subnet-b'],
    logRetentionInDays: 14,
    multiVpcClientAccountIds,
  });
  const exporter = new KafkaExport(stack, 'export', {
    names,
    kafka,
    connectivity: 'PUBLIC',
    topics: ['events', 'audit.v1'],
    streamName: (topic) => `poc-atlas-dev-export-${topic}`,
    bucketArn: BUCKET,
    kmsKeyArn: KEY,
    keyPrefix: 'kafka',
    timePartition: 'hour',
    bufferSizeInMib: 64,
    bufferIntervalInSeconds: 300,
    region: 'eu-west-1',
    accountId: '111122223333',
    logRetentionInDays: 14,
    alarmAction: notifyTopic('arn:aws:sns:eu-west-1:111122223333:ops'),
    ...overrides,
  });
  return { json: synthJson(stack), exporter };
}

const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

describe('KafkaExport', () => {
  test('one Firehose stream per topic, reading it from MSK with IAM and writing gzip files below the prefix', () => {
    const { json } = build();
    const streams = json.resource.aws_kinesis_firehose_delivery_stream;
    expect(Object.keys(streams).sort()).toEqual(['export_stream_audit_v1', 'export_stream_events']);
    const audit = streams.export_stream_audit_v1;
    expect(audit.name).toBe('poc-atlas-dev-export-audit.v1');
    expect(audit.destination).toBe('extended_s3');
    expect(audit.msk_source_configuration).toEqual({
      msk_cluster_arn: '${aws_msk_cluster.kafka.arn}',
      topic_name: 'audit.v1',
      authentication_configuration: { connectivity: 'PUBLIC', role_arn: '${aws_iam_role.export_role.arn}' },
    });
    const s3 = audit.extended_s3_configuration;
    expect(s3.prefix).toBe('kafka/topic=audit.v1/!{timestamp:yyyy/MM/dd/HH}/');
    expect(s3.error_output_prefix).toBe('kafka/errors/topic=audit.v1/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/');
    expect([s3.buffering_size, s3.buffering_interval, s3.compression_format, s3.kms_key_arn]).toEqual([64, 300, 'GZIP', KEY]);
    expect(s3.cloudwatch_logging_options.enabled).toBe(true);
    // The role's permissions exist before Firehose checks them at creation.
    expect(audit.depends_on).toEqual(['aws_iam_role_policy.export_policy']);
  });

  test('day partitioning drops the hour folder', () => {
    const s3 = build({ timePartition: 'day' }).json.resource.aws_kinesis_firehose_delivery_stream.export_stream_events.extended_s3_configuration;
    expect(s3.prefix).toBe('kafka/topic=events/!{timestamp:yyyy/MM/dd}/');
  });

  test('the role reads exactly the listed topics and writes only below the key prefix', () => {
    const { json } = build();
    const trust = json.resource.aws_iam_role.export_role.assume_role_policy;
    expect(trust).toContain('firehose.amazonaws.com');
    expect(trust).toContain('"aws:SourceAccount" = "111122223333"');
    const sid = (id: string) => recordedStatements.find((s) => s.Sid === id)!;
    // Topic and group ARNs are Terraform expressions: judged in the rendered policy.
    const rendered: string = json.resource.aws_iam_role_policy.export_policy.policy;
    const topicArn = '${replace(aws_msk_cluster.kafka.arn, ":cluster/", ":topic/")}';
    expect(rendered.match(/":topic\/"\)\}\/[^"]*"/g)).toEqual([`":topic/")}/events"`, `":topic/")}/audit.v1"`]);
    expect(rendered).toContain(`"${topicArn}/events"`);
    expect(rendered).not.toContain(`${topicArn}/*`);
    expect(asList(sid('ReadExportedTopics').Action).sort()).toEqual(['kafka-cluster:DescribeTopic', 'kafka-cluster:DescribeTopicDynamicConfiguration', 'kafka-cluster:ReadData']);
    expect(sid('WriteBelowPrefix').Resource).toBe(`${BUCKET}/kafka/*`);
    expect(sid('ListBelowPrefix').Condition).toEqual({ StringLike: { 's3:prefix': ['kafka/*'] } });
    for (const statement of recordedStatements) {
      for (const action of asList(statement.Action)) expect(action).not.toMatch(/\*/);
      if (asList(statement.Action).some((a) => a.startsWith('s3:'))) {
        for (const resource of asList(statement.Resource)) expect([BUCKET, `${BUCKET}/kafka/*`]).toContain(resource);
      }
    }
    expect(sid('EncryptExports').Resource).toBe(KEY);
  });

  test('without a KMS key the objects take the bucket default and the role gets no KMS grant', () => {
    const { json } = build({ kmsKeyArn: undefined });
    expect(json.resource.aws_kinesis_firehose_delivery_stream.export_stream_events.extended_s3_configuration.kms_key_arn).toBeUndefined();
    expect(recordedStatements.some((s) => asList(s.Action).some((a) => a.startsWith('kms:')))).toBe(false);
  });

  test('each stream alarms on failed and stalled delivery to the given action', () => {
    const alarms = Object.values(build().json.resource.aws_cloudwatch_metric_alarm) as any[];
    const events = alarms.filter((a) => a.dimensions.DeliveryStreamName === 'poc-atlas-dev-export-events');
    expect(events.map((a) => [a.metric_name, a.comparison_operator, a.threshold]).sort()).toEqual([
      ['DeliveryToS3.DataFreshness', 'GreaterThanThreshold', 1500],
      ['DeliveryToS3.Success', 'LessThanThreshold', 1],
    ]);
    for (const alarm of alarms) expect(alarm.alarm_actions).toEqual(['arn:aws:sns:eu-west-1:111122223333:ops']);
  });

  test('PRIVATE connectivity lets Firehose create VPC connections through the one cluster policy', () => {
    const pub = build().json;
    expect(pub.resource.aws_msk_cluster_policy).toBeUndefined();
    const priv = build({ connectivity: 'PRIVATE' }, ['444455556666']).json;
    const policies = Object.values(priv.resource.aws_msk_cluster_policy) as any[];
    expect(policies).toHaveLength(1);
    expect(policies[0].policy).toContain('arn:${data.aws_partition.partition.partition}:iam::444455556666:root');
    const service = recordedStatements.find((s) => s.Sid === 'ServiceVpcConnections')!;
    expect(service.Principal).toEqual({ Service: ['firehose.amazonaws.com'] });
    expect(service.Action).toBe('kafka:CreateVpcConnection');
    expect(priv.resource.aws_kinesis_firehose_delivery_stream.export_stream_events.msk_source_configuration.authentication_configuration.connectivity).toBe('PRIVATE');
  });

  test.each([
    [{ topics: [] }, 'topics is empty'],
    [{ keyPrefix: 'a/b' }, 'keyPrefix "a/b" is not a one-level key prefix'],
  ] as const)('refuses %j', (overrides, message) => {
    expect(() => build(overrides as Partial<KafkaExportProps>)).toThrow(message);
  });
});
