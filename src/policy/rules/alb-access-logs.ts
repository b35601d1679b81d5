import { attr, isTrue } from '../document';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../types';
import { isApplicationLoadBalancer, show } from './check';

export const albAccessLogs: ResourceRule = {
  kind: 'resource',
  id: 'alb-access-logs',
  property: 'An application load balancer writes access logs to an S3 bucket.',
  publicIds: ['CKV_AWS_91', 'ELB.5'],
  fix: 'add access_logs { bucket = <log bucket>, enabled = true } to the load balancer',
  resourceTypes: ['aws_lb', 'aws_alb'],
  check: (lb) => {
    if (!isApplicationLoadBalancer(lb)) return NOT_APPLICABLE;
    const enabled = attr(lb, 'access_logs.enabled');
    const bucket = attr(lb, 'access_logs.bucket');
    if (isTrue(enabled) && typeof bucket === 'string' && bucket !== '') return COMPLIANT;
    return nonCompliant(`access_logs.enabled is ${show(enabled)} and access_logs.bucket is ${show(bucket)}`);
  },
};
