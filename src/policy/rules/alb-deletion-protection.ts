import { isTrue } from '../../terraform-json/document';
import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { requireAttr } from './check';

export const albDeletionProtection: ResourceRule = {
  kind: 'resource',
  id: 'alb-deletion-protection',
  property: 'A load balancer in a production-tier stack has deletion protection on.',
  publicIds: ['CKV_AWS_150', 'ELB.6'],
  fix: 'set enable_deletion_protection = true (config: protection.deletionProtection) for production-tier environments',
  resourceTypes: ['aws_lb', 'aws_alb'],
  check: (lb, { tier }) => (tier === 'production' ? requireAttr(lb, 'enable_deletion_protection', isTrue, 'true in a production-tier stack') : NOT_APPLICABLE),
};
