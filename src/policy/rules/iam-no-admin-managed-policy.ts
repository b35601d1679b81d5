import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { isExpression } from '../../terraform-json/document';
import { unverifiable } from './check';

/** AWS managed policies that amount to administrator rights, in any partition. */
const ADMIN_POLICIES = /^arn:aws[\w-]*:iam::aws:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/;

/** `arn:${data.aws_partition.<name>.partition}:...` with the rest literal: the stack's own partition, checked as `aws`. */
const PARTITION_REFERENCE = /^arn:\$\{data\.aws_partition\.[\w-]+\.partition\}:(?!.*\$\{)/;
const OWN_POLICY = /^\$\{aws_iam_policy\.[\w-]+(\[[^\]]*\])?\.arn\}$/;
const WANTED = 'a literal ARN or a policy of this stack';

export const iamNoAdminManagedPolicy: ResourceRule = {
  kind: 'resource',
  id: 'iam-no-admin-managed-policy',
  property: 'No role (task roles included), user or group gets an AWS administrator-level managed policy (AdministratorAccess, and also PowerUserAccess and IAMFullAccess: stricter than CKV_AWS_274).',
  publicIds: ['CKV_AWS_274'],
  stricterThan: ['CKV_AWS_274'],
  fix: 'attach a policy that lists only the actions the role needs',
  resourceTypes: ['aws_iam_role_policy_attachment', 'aws_iam_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_role'],
  check: (resource) => {
    const a = resource.attributes;
    if (isExpression(a.managed_policy_arns)) return nonCompliant(unverifiable('managed_policy_arns', a.managed_policy_arns, WANTED));
    const arns = [a.policy_arn, ...(Array.isArray(a.managed_policy_arns) ? (a.managed_policy_arns as unknown[]) : [])]
      .filter((arn): arn is string => typeof arn === 'string')
      .map((arn) => arn.replace(PARTITION_REFERENCE, 'arn:aws:'));
    // A policy of this stack is fine here (iam-no-wildcard-admin reads it); a variable is not.
    const unknown = arns.find((arn) => isExpression(arn) && !OWN_POLICY.test(arn));
    if (unknown) return nonCompliant(unverifiable('policy_arn', unknown, WANTED));
    const admin = arns.find((arn) => ADMIN_POLICIES.test(arn));
    return admin ? nonCompliant(`attaches ${admin}`) : COMPLIANT;
  },
};
