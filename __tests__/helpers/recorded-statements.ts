/**
 * Records every IAM statement passed to policyDocument, so tests can judge policies as data
 * instead of parsing rendered `jsonencode(...)` expressions. Use with:
 *   jest.mock('<path>/src/constructs/iam/policies', () => require('<path>/__tests__/helpers/recorded-statements').recordingPolicies());
 */
import type { Statement } from '../../src/constructs/iam/policies';

export const recordedStatements: Statement[] = [];

export function recordingPolicies(): object {
  const actual = jest.requireActual('../../src/constructs/iam/policies');
  return {
    ...actual,
    policyDocument: (statements: readonly Statement[]) => {
      recordedStatements.push(...statements);
      return actual.policyDocument(statements);
    },
  };
}

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

/** Allow statements granting every action (`*`) on every resource (`*`). */
export function wildcardGrants(statements: readonly Statement[]): Statement[] {
  return statements.filter((s) => s.Effect === 'Allow' && asList(s.Action).includes('*') && asList(s.Resource).includes('*'));
}
