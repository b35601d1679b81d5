import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogStream } from '@cdktf/provider-aws/lib/cloudwatch-log-stream';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { Names } from '../../core/naming';
import { policyDocument, type Statement } from '../iam/policies';
import { AlarmSet, type AlarmAction, type MetricAlarmSpec } from '../service/service-alarms';
import type { KafkaCluster } from './kafka-cluster';

/** How Firehose reaches the brokers: multi-VPC private connectivity, or the public endpoints. */
export type ExportConnectivity = 'PRIVATE' | 'PUBLIC';

/** Folder under `<keyPrefix>/topic=<topic>/` each file lands in, from Firehose's delivery time (UTC). */
const TIME_FOLDERS = { hour: 'yyyy/MM/dd/HH', day: 'yyyy/MM/dd' } as const;

/** Name of the CloudWatch log stream Firehose writes delivery errors to. */
export const DELIVERY_LOG_STREAM = 'DestinationDelivery';

export interface KafkaExportProps {
  readonly names: Names;
  readonly kafka: KafkaCluster;
  /** `PRIVATE` needs multi-VPC private connectivity (IAM) on, `PUBLIC` the public endpoints. */
  readonly connectivity: ExportConnectivity;
  /** Topics to export; one delivery stream each (a Firehose MSK source reads one topic). */
  readonly topics: readonly string[];
  /** Delivery stream name of a topic (Firehose: 1-64 of [a-zA-Z0-9_.-]). */
  readonly streamName: (topic: string) => string;
  readonly bucketArn: string;
  /** The bucket's KMS key: Firehose encrypts each object with it. @default - the bucket's default encryption (SSE-S3) */
  readonly kmsKeyArn?: string;
  /** One-level folder every export key starts with; the role may write only below it. */
  readonly keyPrefix: string;
  readonly timePartition: keyof typeof TIME_FOLDERS;
  /** Firehose S3 buffering: 1-128 MiB and 0-900 seconds (checked in the config schema). */
  readonly bufferSizeInMib: number;
  readonly bufferIntervalInSeconds: number;
  readonly region: string;
  readonly accountId: string;
  readonly logRetentionInDays: number;
  /** What a delivery alarm does (the stack's operator topic). */
  readonly alarmAction: AlarmAction;
}

/**
 * Kafka topics into S3 with Amazon Data Firehose (MSK source, SASL/IAM): one delivery stream per
 * topic, gzip files under `<keyPrefix>/topic=<topic>/<time>/`, failed records under
 * `<keyPrefix>/errors/`, a role that may read exactly those topics and write only below the prefix,
 * and an alarm per stream when delivery fails or stalls.
 */
export class KafkaExport extends Construct {
  readonly role: IamRole;
  readonly streams: Readonly<Record<string, KinesisFirehoseDeliveryStream>>;

  constructor(scope: Construct, id: string, props: KafkaExportProps) {
    super(scope, id);
    if (props.topics.length === 0) throw new Error('KafkaExport topics is empty. Fix: list at least one topic, or do not create the construct');
    if (!/^[a-z0-9][a-z0-9._-]{0,62}$/.test(props.keyPrefix)) {
      throw new Error(`KafkaExport keyPrefix "${props.keyPrefix}" is not a one-level key prefix. Fix: lowercase letters, digits, ".", "_" and "-", e.g. "kafka"`);
    }
    const { kafka, keyPrefix } = props;
    const roleName = props.names.of('kafka-export', 'iamRole');

    this.role = new IamRole(this, 'role', {
      name: roleName,
      description: `Firehose reads ${props.topics.join(', ')} from ${kafka.clusterName} and writes below ${keyPrefix}/ of the export bucket`,
      // Only Firehose acting for this account may assume it (confused-deputy guard).
      assumeRolePolicy: Fn.jsonencode({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'firehose.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': props.accountId } },
          },
        ],
      }),
    });

    const logGroup = new CloudwatchLogGroup(this, 'logs', { name: `/aws/kinesisfirehose/${roleName}`, retentionInDays: props.logRetentionInDays });
    new CloudwatchLogStream(this, 'delivery_log', { name: DELIVERY_LOG_STREAM, logGroupName: logGroup.name });

    const rolePolicy = new IamRolePolicy(this, 'policy', {
      role: this.role.id,
      name: 'read-topics-write-prefix',
      policy: policyDocument(this.statements(props, logGroup.arn)),
    });
    if (props.connectivity === 'PRIVATE') kafka.allowServiceVpcConnections('firehose.amazonaws.com');

    const time = TIME_FOLDERS[props.timePartition];
    const streams: Record<string, KinesisFirehoseDeliveryStream> = {};
    const alarms: MetricAlarmSpec[] = [];
    for (const topic of props.topics) {
      const name = props.streamName(topic);
      const key = topic.replace(/[^a-zA-Z0-9]/g, '_');
      streams[topic] = new KinesisFirehoseDeliveryStream(this, `stream_${key}`, {
        name,
        destination: 'extended_s3',
        mskSourceConfiguration: {
          mskClusterArn: kafka.cluster.arn,
          topicName: topic,
          authenticationConfiguration: { connectivity: props.connectivity, roleArn: this.role.arn },
        },
        extendedS3Configuration: {
          roleArn: this.role.arn,
          bucketArn: props.bucketArn,
          prefix: `${keyPrefix}/topic=${topic}/!{timestamp:${time}}/`,
          // Firehose requires the error-output-type expression once the prefix has expressions.
          errorOutputPrefix: `${keyPrefix}/errors/topic=${topic}/!{firehose:error-output-type}/!{timestamp:${time}}/`,
          bufferingSize: props.bufferSizeInMib,
          bufferingInterval: props.bufferIntervalInSeconds,
          compressionFormat: 'GZIP',
          ...(props.kmsKeyArn ? { kmsKeyArn: props.kmsKeyArn } : {}),
          cloudwatchLoggingOptions: { enabled: true, logGroupName: logGroup.name, logStreamName: DELIVERY_LOG_STREAM },
        },
        // Firehose checks the role when the stream is created: its permissions must be in place.
        dependsOn: [rolePolicy],
      });
      const dimensions = { DeliveryStreamName: name };
      alarms.push(
        {
          id: `export_${key}_delivery_failed`,
          description: `Firehose could not write ${topic} to S3 (failed records go to ${keyPrefix}/errors/; the reason is in ${logGroup.name})`,
          namespace: 'AWS/Firehose',
          metricName: 'DeliveryToS3.Success',
          dimensions,
          statistic: 'Minimum',
          threshold: 1,
          comparison: 'LessThanThreshold',
          evaluationPeriods: 1,
        },
        {
          // Records older than two buffer intervals plus 15 minutes of retries have not been delivered.
          id: `export_${key}_delivery_stalled`,
          description: `The oldest ${topic} record waiting in Firehose is older than ${2 * props.bufferIntervalInSeconds + 900} s: delivery to S3 has stalled`,
          namespace: 'AWS/Firehose',
          metricName: 'DeliveryToS3.DataFreshness',
          dimensions,
          statistic: 'Maximum',
          threshold: 2 * props.bufferIntervalInSeconds + 900,
          comparison: 'GreaterThanThreshold',
        },
      );
    }
    this.streams = streams;
    new AlarmSet(this, 'alarms', { namePrefix: props.names.prefix, action: props.alarmAction, alarms });
  }

  /** Exactly the listed topics, and only objects below the key prefix. */
  private statements(props: KafkaExportProps, logGroupArn: string): Statement[] {
    const { kafka, keyPrefix, bucketArn } = props;
    const objects = `${bucketArn}/${keyPrefix}/*`;
    return [
      {
        Sid: 'ConnectToCluster',
        Effect: 'Allow',
        Action: ['kafka:GetBootstrapBrokers', 'kafka:DescribeCluster', 'kafka:DescribeClusterV2', 'kafka-cluster:Connect'],
        Resource: kafka.cluster.arn,
      },
      {
        Sid: 'ReadExportedTopics',
        Effect: 'Allow',
        Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:DescribeTopicDynamicConfiguration', 'kafka-cluster:ReadData'],
        Resource: props.topics.map((topic) => kafka.resourceArn('topic', topic)),
      },
      // Firehose names its consumer groups itself, so the group resource cannot be narrower.
      { Sid: 'DescribeGroups', Effect: 'Allow', Action: 'kafka-cluster:DescribeGroup', Resource: kafka.resourceArn('group', '*') },
      { Sid: 'LocateBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'], Resource: bucketArn },
      {
        Sid: 'ListBelowPrefix',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: bucketArn,
        Condition: { StringLike: { 's3:prefix': [`${keyPrefix}/*`] } },
      },
      { Sid: 'WriteBelowPrefix', Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload'], Resource: objects },
      ...(props.kmsKeyArn
        ? [
            {
              Sid: 'EncryptExports',
              Effect: 'Allow' as const,
              Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
              Resource: props.kmsKeyArn,
              Condition: {
                StringEquals: { 'kms:ViaService': `s3.${props.region}.amazonaws.com` },
                StringLike: { 'kms:EncryptionContext:aws:s3:arn': [bucketArn, objects] },
              },
            },
          ]
        : []),
      { Sid: 'LogDeliveryErrors', Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: `${logGroupArn}:log-stream:${DELIVERY_LOG_STREAM}` },
    ];
  }
}
