import { isTrue } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const dynamodbPitr: ResourceRule = {
  kind: 'resource',
  id: 'dynamodb-pitr',
  property: 'DynamoDB tables (the state lock table) can be restored to any point in the last 35 days.',
  publicIds: ['CKV_AWS_28', 'AVD-AWS-0024', 'DynamoDB.2'],
  fix: 'set point_in_time_recovery { enabled = true }',
  resourceTypes: ['aws_dynamodb_table'],
  check: (table) => requireAttr(table, 'point_in_time_recovery.enabled', isTrue, 'true'),
};
