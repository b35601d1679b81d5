import { attr, isTrue } from '../../terraform-json/document';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../types';
import { loadBalancerType, show, unknownAt } from './check';

export const albAccessLogs: ResourceRule = {
  kind: 'resource',
  id: 'alb-access-logs',
  property: 'An application or network load balancer writes access logs to an S3 bucket.',
  publicIds: ['CKV_AWS_91', 'ELB.5'],
  fix: 'add access_logs { bucket = <log bucket>, enabled = true } to the load balancer',
  resourceTypes: ['aws_lb', 'aws_alb'],
  check: (lb) => {
    // Gateway load balancers have no access logs to write.
    if (loadBalancerType(lb) === 'gateway') return NOT_APPLICABLE;
    // The bucket may be a reference (the log bucket of the stack); whether logging is on may not.
    const unknown = unknownAt(lb, ['load_balancer_type', 'access_logs.enabled'], 'access_logs.enabled = true');
    if (unknown) return unknown;
    const enabled = attr(lb, 'access_logs.enabled');
    const bucket = attr(lb, 'access_logs.bucket');
    if (isTrue(enabled) && typeof bucket === 'string' && bucket !== '') return COMPLIANT;
    return nonCompliant(`access_logs.enabled is ${show(enabled)} and access_logs.bucket is ${show(bucket)}`);
  },
};
