import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { requireAttr } from './check';

export const cognitoDeletionProtection: ResourceRule = {
  kind: 'resource',
  id: 'cognito-deletion-protection',
  property: 'A user pool in a production-tier stack has deletion protection on (its users cannot be recreated).',
  publicIds: [],
  fix: 'set deletion_protection = "ACTIVE" (config: protection.deletionProtection) for production-tier environments',
  resourceTypes: ['aws_cognito_user_pool'],
  check: (pool, { tier }) => (tier === 'production' ? requireAttr(pool, 'deletion_protection', (v) => v === 'ACTIVE', '"ACTIVE" in a production-tier stack') : NOT_APPLICABLE),
};
