import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../types';
import { fromAnywhere, ingressEntries, isWebPort, ports, SG_INGRESS_TYPES, unknownIngress } from './sg-ingress';

export const sgNoPublicIngress: ResourceRule = {
  kind: 'resource',
  id: 'sg-no-public-ingress',
  property:
    'No security group admits the internet (0.0.0.0/0, ::/0, or an IPv4 range wider than /8 or IPv6 wider than /16) on any port but 80/443 (SSH, databases, all ports: never); stricter than the per-port ids.',
  // Stricter than the per-port Checkov ids (22, 3389, all ports) and EC2.19's list of risky ports:
  // every port but 80/443, and ranges as wide as the internet, not only 0.0.0.0/0.
  publicIds: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_277', 'AVD-AWS-0107', 'EC2.18', 'EC2.19'],
  stricterThan: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_277', 'EC2.19'],
  fix: 'admit a security group (security_groups) or a narrow allow-listed CIDR instead of 0.0.0.0/0, ::/0 or a range as wide',
  resourceTypes: SG_INGRESS_TYPES,
  check: (resource) => {
    const entries = ingressEntries(resource);
    const unknown = unknownIngress(resource, entries, false);
    if (unknown) return unknown;
    if (entries.length === 0) return NOT_APPLICABLE;
    const open = entries.filter((e) => fromAnywhere(e) && !isWebPort(e));
    return open.length === 0 ? COMPLIANT : nonCompliant(`ingress from the whole internet on ${open.map(ports).join(', ')}`);
  },
};
