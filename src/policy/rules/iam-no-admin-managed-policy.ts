import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';

/** AWS managed policies that amount to administrator rights. */
const ADMIN_POLICIES = /:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/;

export const iamNoAdminManagedPolicy: ResourceRule = {
  kind: 'resource',
  id: 'iam-no-admin-managed-policy',
  property: 'No role (task roles included), user or group gets an AWS administrator-level managed policy.',
  publicIds: ['CKV_AWS_274'],
  fix: 'attach a policy that lists only the actions the role needs',
  resourceTypes: ['aws_iam_role_policy_attachment', 'aws_iam_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_role'],
  check: (resource) => {
    const a = resource.attributes;
    const arns = [a.policy_arn, ...(Array.isArray(a.managed_policy_arns) ? a.managed_policy_arns : [])];
    const admin = arns.find((arn) => typeof arn === 'string' && ADMIN_POLICIES.test(arn));
    return admin ? nonCompliant(`attaches ${admin}`) : COMPLIANT;
  },
};
