import { isTrue } from '../../terraform-json/document';
import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { loadBalancerType, requireAttr } from './check';

export const albInternal: ResourceRule = {
  kind: 'resource',
  id: 'alb-internal',
  property: 'A load balancer is internal unless it is deliberately the public edge (then acknowledge it with the reason).',
  publicIds: ['AVD-AWS-0053'],
  fix: 'set internal = true, or acknowledge the one public edge load balancer where it is built (acknowledge(), src/core/acknowledge.ts)',
  resourceTypes: ['aws_lb', 'aws_alb'],
  // A gateway load balancer has no listeners of its own and no internet-facing scheme.
  check: (lb) => (loadBalancerType(lb) === 'gateway' ? NOT_APPLICABLE : requireAttr(lb, 'internal', isTrue, 'true (internal)')),
};
