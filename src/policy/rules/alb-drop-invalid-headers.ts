import { isTrue } from '../document';
import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { isApplicationLoadBalancer, requireAttr } from './check';

export const albDropInvalidHeaders: ResourceRule = {
  kind: 'resource',
  id: 'alb-drop-invalid-headers',
  property: 'An application load balancer drops HTTP headers with invalid fields (request smuggling).',
  publicIds: ['CKV_AWS_131', 'AVD-AWS-0052', 'ELB.4'],
  fix: 'set drop_invalid_header_fields = true on the load balancer (LbConfig.dropInvalidHeaderFields)',
  resourceTypes: ['aws_lb', 'aws_alb'],
  check: (lb) =>
    isApplicationLoadBalancer(lb) ? requireAttr(lb, 'drop_invalid_header_fields', isTrue, 'true') : NOT_APPLICABLE,
};
