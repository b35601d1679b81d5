import { attr, isTrue } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { unknownAt } from './check';

export const mskIamAuth: ResourceRule = {
  kind: 'resource',
  id: 'msk-iam-auth',
  property: 'Kafka clients authenticate with IAM (SASL/IAM); unauthenticated access is off.',
  publicIds: ['MSK.6'],
  fix: 'set client_authentication { sasl { iam = true }, unauthenticated = false }',
  resourceTypes: ['aws_msk_cluster'],
  check: (msk) => {
    const unknown = unknownAt(msk, ['client_authentication.sasl.iam', 'client_authentication.unauthenticated'], 'sasl.iam = true, unauthenticated = false');
    if (unknown) return unknown;
    const problems: string[] = [];
    if (!isTrue(attr(msk, 'client_authentication.sasl.iam'))) problems.push('client_authentication.sasl.iam is not true');
    if (isTrue(attr(msk, 'client_authentication.unauthenticated'))) problems.push('client_authentication.unauthenticated is true');
    return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
  },
};
