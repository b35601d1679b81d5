import { blockList } from '../document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';

export const vpcDefaultSgClosed: ResourceRule = {
  kind: 'resource',
  id: 'vpc-default-sg-closed',
  property: "Every VPC's default security group allows no traffic in or out.",
  publicIds: ['CKV2_AWS_12', 'AVD-AWS-0173', 'EC2.2'],
  fix: 'add an aws_default_security_group with vpc_id = <this VPC>.id and no ingress or egress blocks',
  resourceTypes: ['aws_vpc'],
  check: (vpc, { stack }) => {
    const managed = stack.referrers(vpc, 'aws_default_security_group', 'vpc_id');
    if (managed.length === 0) return nonCompliant('its default security group is not managed, so AWS keeps the default allow rules');
    const open = managed.filter((g) => blockList(g.attributes.ingress).length + blockList(g.attributes.egress).length > 0);
    return open.length === 0 ? COMPLIANT : nonCompliant(`${open[0].address} still has ingress or egress rules`);
  },
};
