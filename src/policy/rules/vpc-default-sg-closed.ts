import { blockList, refersTo } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule, type TfResource } from '../types';
import { unknownAt } from './check';

/** Standalone rule resources that can open a security group after it is created. */
const RULE_TYPES = ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];

export const vpcDefaultSgClosed: ResourceRule = {
  kind: 'resource',
  id: 'vpc-default-sg-closed',
  property: "Every VPC's default security group allows no traffic in or out (no inline rules, no separate rule resources).",
  publicIds: ['CKV2_AWS_12', 'AVD-AWS-0173', 'EC2.2'],
  fix: 'add an aws_default_security_group with vpc_id = <this VPC>.id and no ingress or egress blocks, and attach no rule resources to it',
  resourceTypes: ['aws_vpc'],
  check: (vpc, { stack }) => {
    const managed = stack.referrers(vpc, 'aws_default_security_group', 'vpc_id');
    if (managed.length === 0) return nonCompliant('its default security group is not managed, so AWS keeps the default allow rules');
    for (const group of managed) {
      const unknown = unknownAt(group, ['ingress', 'egress'], 'no rules');
      if (unknown) return unknown;
      if (blockList(group.attributes.ingress).length + blockList(group.attributes.egress).length > 0) return nonCompliant(`${group.address} still has ingress or egress rules`);
    }
    // A rule resource opens the group as surely as an inline block, whether it names the default
    // group resource or the VPC's default_security_group_id.
    const opening = RULE_TYPES.flatMap((type) => stack.ofType(type)).filter((rule) => opens(rule, vpc, managed));
    return opening.length === 0 ? COMPLIANT : nonCompliant(`${opening.map((r) => r.address).join(', ')} open(s) the default security group`);
  },
};

function opens(rule: TfResource, vpc: TfResource, groups: readonly TfResource[]): boolean {
  const target = rule.attributes.security_group_id;
  return groups.some((g) => refersTo(target, g)) || (typeof target === 'string' && target.includes(`${vpc.address}.default_security_group_id`));
}
