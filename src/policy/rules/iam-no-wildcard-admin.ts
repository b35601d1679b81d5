import { blockList, isExpression } from '../../terraform-json/document';
import { type PolicyStatement, policyStatements } from '../statements';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../types';
import { unverifiable } from './check';

/** A reference to a resource's attribute (`${aws_s3_bucket.x.arn}/*`) is never the literal "*". */
const RESOURCE_REFERENCE = /^\$\{(data\.)?aws_[\w-]+\.[\w-]+(\[[^\]]*\])?\.[\w.]+\}/;

/** What is wrong with one Allow statement, or undefined. */
function problemOf(s: PolicyStatement): string | undefined {
  if (isExpression(s.effect)) return unverifiable('Effect', s.effect, '"Allow" or "Deny"');
  if (s.effect !== 'Allow') return undefined;
  const action = [...s.actions, ...s.notActions].find(isExpression);
  if (action) return unverifiable('Action', action, 'literal actions');
  if (s.actions.some((a) => a === '*' || a === '*:*')) return 'a statement allows every action (Action "*")';
  const anyResource = s.resources.includes('*');
  if (s.notActions.length > 0 && anyResource) return 'a statement allows everything but a few actions (NotAction) on Resource "*"';
  const service = s.actions.find((a) => /^[\w-]+:\*$/.test(a));
  if (!service) return undefined;
  const resource = s.resources.find((r) => isExpression(r) && !RESOURCE_REFERENCE.test(r));
  if (resource) return unverifiable('Resource', resource, `a scoped resource for ${service}`);
  return anyResource ? `a statement allows a whole service (${service}) on Resource "*"` : undefined;
}

export const iamNoWildcardAdmin: ResourceRule = {
  kind: 'resource',
  id: 'iam-no-wildcard-admin',
  property:
    'No identity policy allows every action (Action "*", on any resource), a whole service (`s3:*`) on every resource, or everything but a few actions (NotAction) on every resource; stricter than CKV_AWS_62/CKV_AWS_63 and IAM.1, which read Action "*" only.',
  publicIds: ['CKV_AWS_62', 'CKV_AWS_63', 'IAM.1'],
  stricterThan: ['CKV_AWS_62', 'CKV_AWS_63', 'IAM.1'],
  fix: 'list the actions the principal needs and scope Resource to the ARNs it uses',
  resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'aws_ssoadmin_permission_set_inline_policy'],
  check: (resource, { stack }) => {
    const a = resource.attributes;
    // An empty inline_policy {} on a role only removes inline policies: nothing to read.
    const documents = (resource.type === 'aws_iam_role' ? blockList(a.inline_policy).map((p) => p.policy) : [a.policy ?? a.inline_policy]).filter((d) => d !== undefined);
    if (documents.length === 0) return NOT_APPLICABLE;
    for (const document of documents) {
      const statements = policyStatements(document, stack);
      if (!statements) return nonCompliant('the policy document cannot be read at synth, so wildcards cannot be ruled out');
      const problem = statements.map(problemOf).find((p) => p !== undefined);
      if (problem) return nonCompliant(problem);
    }
    return COMPLIANT;
  },
};
