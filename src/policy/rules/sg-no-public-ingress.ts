import { blockList } from '../document';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule, type TfResource } from '../types';

const ANYWHERE = ['0.0.0.0/0', '::/0'];

/** Ingress entries of a security group or a standalone rule, in one shape. */
function ingressEntries(resource: TfResource): Record<string, unknown>[] {
  const a = resource.attributes;
  if (resource.type === 'aws_security_group') return blockList(a.ingress);
  if (resource.type === 'aws_security_group_rule') return a.type === 'ingress' ? [a] : [];
  return [{ ...a, cidr_blocks: [a.cidr_ipv4], ipv6_cidr_blocks: [a.cidr_ipv6] }];
}

function ports(entry: Record<string, unknown>): string {
  if (entry.protocol === '-1' || entry.ip_protocol === '-1') return 'all ports';
  return entry.from_port === entry.to_port ? `port ${entry.from_port}` : `ports ${entry.from_port}-${entry.to_port}`;
}

export const sgNoPublicIngress: ResourceRule = {
  kind: 'resource',
  id: 'sg-no-public-ingress',
  property: 'No security group admits traffic from 0.0.0.0/0 or ::/0 (the public ALB on 80/443 is waived with its reason).',
  publicIds: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260', 'CKV_AWS_277', 'AVD-AWS-0107', 'EC2.18', 'EC2.19'],
  fix: 'admit a security group (security_groups) or a narrow CIDR instead of 0.0.0.0/0 and ::/0',
  resourceTypes: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
  check: (resource) => {
    const entries = ingressEntries(resource);
    if (entries.length === 0) return NOT_APPLICABLE;
    const open = entries.filter((e) => [e.cidr_blocks, e.ipv6_cidr_blocks].flat().some((c) => typeof c === 'string' && ANYWHERE.includes(c)));
    if (open.length === 0) return COMPLIANT;
    return nonCompliant(`ingress from the whole internet on ${open.map(ports).join(', ')}`);
  },
};
