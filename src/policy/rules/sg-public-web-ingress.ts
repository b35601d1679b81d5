import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../types';
import { fromAnywhere, ingressEntries, isWebPort, ports, SG_INGRESS_TYPES, unknownIngress } from './sg-ingress';

/**
 * Kept apart from sg-no-public-ingress so the public edge's acknowledgement covers 80/443 only: a port
 * opened later on the same group is still a finding of the other rule.
 */
export const sgPublicWebIngress: ResourceRule = {
  kind: 'resource',
  id: 'sg-public-web-ingress',
  property:
    'Only a deliberate public edge (acknowledged with its reason) admits the internet (as sg-no-public-ingress defines it), and then only on 80/443 (443 too: stricter than CKV_AWS_260, which reads port 80).',
  publicIds: ['CKV_AWS_260', 'AVD-AWS-0107'],
  stricterThan: ['CKV_AWS_260'],
  fix: 'put the service behind the shared ALB and admit the ALB security group; acknowledge only the public edge itself',
  resourceTypes: SG_INGRESS_TYPES,
  check: (resource) => {
    const entries = ingressEntries(resource);
    const unknown = unknownIngress(resource, entries, true);
    if (unknown) return unknown;
    if (entries.length === 0) return NOT_APPLICABLE;
    const web = entries.filter((e) => fromAnywhere(e) && isWebPort(e));
    return web.length === 0 ? COMPLIANT : nonCompliant(`ingress from the whole internet on ${web.map(ports).join(', ')}`);
  },
};
