import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const ec2ImdsHopLimit: ResourceRule = {
  kind: 'resource',
  id: 'ec2-imds-hop-limit',
  property: 'Instance metadata answers one network hop only, so containers on the host cannot read host credentials.',
  publicIds: ['CKV_AWS_341'],
  fix: 'set metadata_options { http_put_response_hop_limit = 1 } on the launch template',
  resourceTypes: ['aws_launch_template', 'aws_instance'],
  check: (template) => requireAttr(template, 'metadata_options.http_put_response_hop_limit', (v) => Number(v) === 1, '1'),
};
