import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const logGroupRetention: ResourceRule = {
  kind: 'resource',
  id: 'log-group-retention',
  property: 'Every CloudWatch log group has a retention period (logs do not pile up forever, unbudgeted).',
  publicIds: ['CKV_AWS_66', 'CKV_AWS_338'],
  fix: 'set retention_in_days (config: logs.retentionInDays)',
  resourceTypes: ['aws_cloudwatch_log_group'],
  check: (group) => requireAttr(group, 'retention_in_days', (v) => Number(v) > 0, 'a number of days'),
};
