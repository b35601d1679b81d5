import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const cognitoMfa: ResourceRule = {
  kind: 'resource',
  id: 'cognito-mfa',
  property: 'User-pool users can (OPTIONAL) or must (ON) use multi-factor authentication.',
  publicIds: [],
  fix: 'set mfa_configuration = "OPTIONAL" or "ON" with software_token_mfa_configuration { enabled = true }',
  resourceTypes: ['aws_cognito_user_pool'],
  check: (pool) => requireAttr(pool, 'mfa_configuration', (v) => v === 'OPTIONAL' || v === 'ON', '"OPTIONAL" or "ON"'),
};
