import { isTrue } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const dynamodbEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'dynamodb-encrypted',
  // CKV_AWS_119 and AVD-AWS-0025 want a customer-managed key (kms_key_arn); the AWS-managed key
  // this rule accepts does not hold them, so it no longer names them.
  property: 'DynamoDB tables are encrypted with a KMS key (not only the default AWS-owned key).',
  publicIds: [],
  fix: 'set server_side_encryption { enabled = true } (optionally kms_key_arn)',
  resourceTypes: ['aws_dynamodb_table'],
  check: (table) => requireAttr(table, 'server_side_encryption.enabled', isTrue, 'true'),
};
