import { blockList } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';

/** What Terraform writes when a security group has no description. */
const TERRAFORM_DEFAULT = 'Managed by Terraform';

function described(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && value !== TERRAFORM_DEFAULT;
}

export const sgDescriptions: ResourceRule = {
  kind: 'resource',
  id: 'sg-descriptions',
  property: 'Every security group and every one of its rules says what it is for.',
  publicIds: ['CKV_AWS_23', 'AVD-AWS-0099', 'AVD-AWS-0124'],
  fix: 'set description on the security group and on each ingress/egress rule',
  resourceTypes: [
    'aws_security_group',
    'aws_security_group_rule',
    'aws_vpc_security_group_ingress_rule',
    'aws_vpc_security_group_egress_rule',
    // EC2-Classic era groups CKV_AWS_23 also reads; their rules have no description field.
    'aws_db_security_group',
    'aws_elasticache_security_group',
    'aws_redshift_security_group',
  ],
  check: (resource) => {
    const a = resource.attributes;
    if (resource.type !== 'aws_security_group') {
      return described(a.description) ? COMPLIANT : nonCompliant('the rule has no description');
    }
    const problems: string[] = [];
    if (!described(a.description)) problems.push('the group has no description');
    for (const direction of ['ingress', 'egress'] as const) {
      const missing = blockList(a[direction]).filter((r) => !described(r.description)).length;
      if (missing > 0) problems.push(`${missing} ${direction} rule(s) have no description`);
    }
    return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
  },
};
