import { attr, isTrue } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { unknownAt } from './check';

const SINKS = ['cloudwatch_logs', 'firehose', 's3'];

export const mskBrokerLogs: ResourceRule = {
  kind: 'resource',
  id: 'msk-broker-logs',
  property: 'Brokers ship their logs (CloudWatch Logs, S3 or Firehose).',
  publicIds: ['CKV_AWS_80', 'AVD-AWS-0074'],
  fix: 'set logging_info { broker_logs { cloudwatch_logs { enabled = true, log_group = <log group> } } }',
  resourceTypes: ['aws_msk_cluster'],
  check: (msk) =>
    unknownAt(
      msk,
      SINKS.map((sink) => `logging_info.broker_logs.${sink}.enabled`),
      'enabled = true',
    ) ?? (SINKS.some((sink) => isTrue(attr(msk, `logging_info.broker_logs.${sink}.enabled`))) ? COMPLIANT : nonCompliant('logging_info.broker_logs enables no destination')),
};
