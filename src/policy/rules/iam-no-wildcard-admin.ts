import { blockList } from '../document';
import { policyStatements } from '../statements';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../types';

const ANY_ACTION = ['*', '*:*'];

export const iamNoWildcardAdmin: ResourceRule = {
  kind: 'resource',
  id: 'iam-no-wildcard-admin',
  property: 'No identity policy allows every action on every resource.',
  publicIds: ['CKV_AWS_62', 'CKV_AWS_63', 'CKV_AWS_290', 'CKV_AWS_355', 'AVD-AWS-0057', 'IAM.1'],
  fix: 'list the actions the principal needs and scope Resource to the ARNs it uses',
  resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'],
  check: (resource, { stack }) => {
    const documents =
      resource.type === 'aws_iam_role' ? blockList(resource.attributes.inline_policy).map((p) => p.policy) : [resource.attributes.policy];
    if (documents.length === 0) return NOT_APPLICABLE;
    for (const document of documents) {
      const statements = policyStatements(document, stack);
      if (!statements) return nonCompliant('the policy document cannot be read at synth, so wildcards cannot be ruled out');
      const admin = statements.find((s) => s.effect === 'Allow' && s.actions.some((a) => ANY_ACTION.includes(a)) && s.resources.includes('*'));
      if (admin) return nonCompliant('a statement allows Action "*" on Resource "*"');
    }
    return COMPLIANT;
  },
};
