import { blockList, isTrue } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { unknownAt } from './check';

export const ec2NoPublicIp: ResourceRule = {
  kind: 'resource',
  id: 'ec2-no-public-ip',
  property: 'Instances (launched directly, from a template or from a launch configuration) get no public IP address.',
  publicIds: ['CKV_AWS_88', 'AVD-AWS-0009', 'EC2.9'],
  fix: 'set associate_public_ip_address = false (network_interfaces { ... } on a launch template) and launch into private subnets',
  resourceTypes: ['aws_launch_template', 'aws_launch_configuration', 'aws_instance'],
  check: (resource) => {
    const unknown = unknownAt(resource, ['associate_public_ip_address', 'network_interfaces.associate_public_ip_address'], 'false');
    if (unknown) return unknown;
    const direct = resource.attributes.associate_public_ip_address;
    const nics = blockList(resource.attributes.network_interfaces);
    if (isTrue(direct) || nics.some((n) => isTrue(n.associate_public_ip_address))) return nonCompliant('associate_public_ip_address is true');
    return COMPLIANT;
  },
};
