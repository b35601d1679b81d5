import { isTrue } from '../../terraform-json/document';
import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { requireAttr } from './check';

export const dynamodbDeletionProtection: ResourceRule = {
  kind: 'resource',
  id: 'dynamodb-deletion-protection',
  property: 'A DynamoDB table in a production-tier stack has deletion protection on.',
  publicIds: ['DynamoDB.6'],
  fix: 'set deletion_protection_enabled = true for production-tier stacks',
  resourceTypes: ['aws_dynamodb_table'],
  check: (table, { tier }) => (tier === 'production' ? requireAttr(table, 'deletion_protection_enabled', isTrue, 'true in a production-tier stack') : NOT_APPLICABLE),
};
