import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const logGroupRetention: ResourceRule = {
  kind: 'resource',
  id: 'log-group-retention',
  property: 'Every CloudWatch log group has a retention period (logs do not pile up forever, unbudgeted).',
  // CKV_AWS_338 wants at least a year; staging keeps 14 days and prod 90 on purpose (cost), so the
  // rule claims only CKV_AWS_66 ("retention is set").
  publicIds: ['CKV_AWS_66'],
  fix: 'set retention_in_days (config: logs.retentionInDays)',
  resourceTypes: ['aws_cloudwatch_log_group'],
  check: (group) => requireAttr(group, 'retention_in_days', (v) => Number(v) > 0, 'a number of days'),
};
