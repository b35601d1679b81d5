import { checkName, NameLimitError, Names } from '../../src/core/naming';
import { InputError } from '../../src/core/input-error';
import { expectInputError } from '../helpers/input-error';

describe('Names', () => {
  const names = new Names('poc-atlas-dev');

  it('prefixes names with the environment prefix', () => {
    expect(names.of('alb', 'alb')).toBe('poc-atlas-dev-alb');
  });

  it.each<[string, Parameters<typeof checkName>[1], RegExp]>([
    ['x'.repeat(33), 'alb', /load balancer name "x{33}" is 33 characters; AWS allows at most 32\. Fix:/],
    ['x'.repeat(33), 'targetGroup', /target group name "x{33}" is 33 characters; AWS allows at most 32/],
    ['x'.repeat(64), 's3Bucket', /S3 bucket name "x{64}" is 64 characters; AWS allows at most 63/],
    ['ab', 's3Bucket', /S3 bucket name "ab" is shorter than 3 characters/],
    ['Upper-Case', 's3Bucket', /S3 bucket name "Upper-Case" must be lowercase letters/],
    ['x'.repeat(65), 'iamRole', /IAM role name "x{65}" is 65 characters; AWS allows at most 64/],
    ['x'.repeat(64), 'rdsIdentifier', /RDS identifier "x{64}" is 64 characters; AWS allows at most 63/],
    ['x'.repeat(64), 'cognitoDomain', /Cognito domain prefix "x{64}" is 64 characters; AWS allows at most 63/],
  ])('rejects %s as a %s, naming the name and the limit', (name, kind, message) => {
    const error = expectInputError(NameLimitError, () => checkName(name, kind), message);
    expect(error).toBeInstanceOf(InputError);
    expect(error.value).toBe(name);
  });

  it('accepts names exactly at the limit', () => {
    expect(checkName('x'.repeat(32), 'alb')).toHaveLength(32);
    expect(checkName('x'.repeat(63), 's3Bucket')).toHaveLength(63);
  });
});
