/** Reading ingress from the three ways Terraform writes it, for the security-group rules. */
import { blockList } from '../document';
import type { TfResource } from '../types';

export const ANYWHERE = ['0.0.0.0/0', '::/0'];
export const SG_INGRESS_TYPES = ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'];

/** Ingress entries of a security group or a standalone rule, in the inline-block shape. */
export function ingressEntries(resource: TfResource): Record<string, unknown>[] {
  const a = resource.attributes;
  if (resource.type === 'aws_security_group') return blockList(a.ingress);
  if (resource.type === 'aws_security_group_rule') return a.type === 'ingress' ? [a] : [];
  return [{ ...a, protocol: a.ip_protocol, cidr_blocks: [a.cidr_ipv4], ipv6_cidr_blocks: [a.cidr_ipv6] }];
}

export function fromAnywhere(entry: Record<string, unknown>): boolean {
  return [entry.cidr_blocks, entry.ipv6_cidr_blocks].flat().some((c) => typeof c === 'string' && ANYWHERE.includes(c));
}

/** Exactly one web port (80 or 443) over TCP: what a public load balancer needs. */
export function isWebPort(entry: Record<string, unknown>): boolean {
  return entry.protocol === 'tcp' && entry.from_port === entry.to_port && (entry.from_port === 80 || entry.from_port === 443);
}

export function ports(entry: Record<string, unknown>): string {
  if (entry.protocol === '-1') return 'all ports';
  return entry.from_port === entry.to_port ? `port ${entry.from_port}` : `ports ${entry.from_port}-${entry.to_port}`;
}
