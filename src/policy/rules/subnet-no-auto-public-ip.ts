import { isTrue } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const subnetNoAutoPublicIp: ResourceRule = {
  kind: 'resource',
  id: 'subnet-no-auto-public-ip',
  property: 'No subnet hands out public IPs automatically; anything public gets one on purpose.',
  publicIds: ['CKV_AWS_130', 'AVD-AWS-0164', 'EC2.15'],
  fix: 'set map_public_ip_on_launch = false on the subnet',
  resourceTypes: ['aws_subnet'],
  check: (subnet) => requireAttr(subnet, 'map_public_ip_on_launch', (v) => v === undefined || !isTrue(v), 'false'),
};
