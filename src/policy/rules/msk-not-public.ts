import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const mskNotPublic: ResourceRule = {
  kind: 'resource',
  id: 'msk-not-public',
  property: 'Brokers have no public endpoints; a non-production cluster may be acknowledged when IAM + TLS and allow-listed CIDRs guard it.',
  publicIds: ['CKV_AWS_291', 'MSK.4'],
  fix: 'set broker_node_group_info { connectivity_info { public_access { type = "DISABLED" } } }',
  resourceTypes: ['aws_msk_cluster'],
  waivable: 'non-production',
  check: (msk) => requireAttr(msk, 'broker_node_group_info.connectivity_info.public_access.type', (v) => v === undefined || v === 'DISABLED', '"DISABLED"'),
};
