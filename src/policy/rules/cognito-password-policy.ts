import { attr, isFalse } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { show, unknownAt } from './check';

export const MIN_PASSWORD_LENGTH = 12;
const CLASSES = ['require_lowercase', 'require_uppercase', 'require_numbers', 'require_symbols'];

export const cognitoPasswordPolicy: ResourceRule = {
  kind: 'resource',
  id: 'cognito-password-policy',
  property: `User-pool passwords are at least ${MIN_PASSWORD_LENGTH} characters and mix all four character classes.`,
  publicIds: [],
  fix: `set password_policy { minimum_length = ${MIN_PASSWORD_LENGTH}, ${CLASSES.map((c) => `${c} = true`).join(', ')} }`,
  resourceTypes: ['aws_cognito_user_pool'],
  check: (pool) => {
    const unknown = unknownAt(pool, ['password_policy.minimum_length', ...CLASSES.map((c) => `password_policy.${c}`)], 'a literal policy');
    if (unknown) return unknown;
    const length = attr(pool, 'password_policy.minimum_length');
    const problems: string[] = [];
    if (!(Number(length) >= MIN_PASSWORD_LENGTH)) problems.push(`minimum_length is ${show(length)}`);
    // Unset classes default to required in Cognito; only an explicit false weakens the policy.
    const off = CLASSES.filter((c) => isFalse(attr(pool, `password_policy.${c}`)));
    if (off.length > 0) problems.push(`${off.join(', ')} false`);
    return problems.length === 0 ? COMPLIANT : nonCompliant(`password_policy ${problems.join('; ')}`);
  },
};
