import { isTrue } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const cognitoNoUnauthenticated: ResourceRule = {
  kind: 'resource',
  id: 'cognito-no-unauthenticated',
  property: 'Cognito identity pools hand out no AWS credentials to unauthenticated identities.',
  publicIds: ['CKV_AWS_366'],
  fix: 'set allow_unauthenticated_identities = false on the identity pool',
  resourceTypes: ['aws_cognito_identity_pool'],
  check: (pool) => requireAttr(pool, 'allow_unauthenticated_identities', (v) => !isTrue(v), 'false'),
};
