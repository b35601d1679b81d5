import { isTrue } from '../../terraform-json/document';
import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { loadBalancerType, requireAttr, unknownAt } from './check';

export const albDropInvalidHeaders: ResourceRule = {
  kind: 'resource',
  id: 'alb-drop-invalid-headers',
  property: 'An application load balancer drops HTTP headers with invalid fields (request smuggling).',
  publicIds: ['CKV_AWS_131', 'AVD-AWS-0052', 'ELB.4'],
  fix: 'set drop_invalid_header_fields = true on the load balancer (LbConfig.dropInvalidHeaderFields)',
  resourceTypes: ['aws_lb', 'aws_alb'],
  check: (lb) => {
    const type = loadBalancerType(lb);
    if (type === undefined) return unknownAt(lb, ['load_balancer_type'], 'an application load balancer to drop invalid headers')!;
    return type === 'application' ? requireAttr(lb, 'drop_invalid_header_fields', isTrue, 'true') : NOT_APPLICABLE;
  },
};
