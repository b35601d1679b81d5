import { blockList, isTrue } from '../document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';

export const ec2NoPublicIp: ResourceRule = {
  kind: 'resource',
  id: 'ec2-no-public-ip',
  property: 'Instances launched from a template get no public IP address.',
  publicIds: ['CKV_AWS_88', 'AVD-AWS-0009', 'EC2.9'],
  fix: 'set network_interfaces { associate_public_ip_address = false } on the launch template and launch into private subnets',
  resourceTypes: ['aws_launch_template', 'aws_instance'],
  check: (template) => {
    const direct = template.attributes.associate_public_ip_address;
    const nics = blockList(template.attributes.network_interfaces);
    if (isTrue(direct) || nics.some((n) => isTrue(n.associate_public_ip_address))) {
      return nonCompliant('associate_public_ip_address is true');
    }
    return COMPLIANT;
  },
};
