/** Reading ingress from the three ways Terraform writes it, for the security-group rules. */
import { asObject, blockList, firstOf, isExpression } from '../../terraform-json/document';
import { nonCompliant, type TfResource, type Verdict } from '../types';
import { expressionIn, unknownAt, unverifiable } from './check';

/**
 * Narrowest prefix that still counts as "the internet": no one holds an IPv4 block wider than a
 * /8 or an IPv6 block wider than a /16, so a wider range (0.0.0.0/1 and 128.0.0.0/1 together are
 * 0.0.0.0/0) admits strangers just as 0.0.0.0/0 does.
 */
const WIDEST_HELD_PREFIX = { ipv4: 8, ipv6: 16 };
const RANGES: Record<string, string[]> = { aws_vpc_security_group_ingress_rule: ['cidr_ipv4', 'cidr_ipv6'], default: ['cidr_blocks', 'ipv6_cidr_blocks'] };
export const SG_INGRESS_TYPES = ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'];

/** Ingress entries of a security group or a standalone rule, in the inline-block shape. */
export function ingressEntries(resource: TfResource): Record<string, unknown>[] {
  const a = resource.attributes;
  if (resource.type === 'aws_security_group') return blockList(a.ingress);
  if (resource.type === 'aws_security_group_rule') return a.type === 'ingress' ? [a] : [];
  return [{ ...a, protocol: a.ip_protocol, cidr_blocks: [a.cidr_ipv4], ipv6_cidr_blocks: [a.cidr_ipv6] }];
}

export function fromAnywhere(entry: Record<string, unknown>): boolean {
  return [entry.cidr_blocks, entry.ipv6_cidr_blocks].flat().some((c) => typeof c === 'string' && isInternetWide(c));
}

/** 0.0.0.0/0, ::/0, or any range wider than one organization can hold (see WIDEST_HELD_PREFIX). */
export function isInternetWide(cidr: string): boolean {
  const match = /^([0-9a-fA-F.:]+)\/(\d{1,3})$/.exec(cidr.trim());
  if (!match) return false;
  const prefix = Number(match[2]);
  return match[1].includes(':') ? prefix < WIDEST_HELD_PREFIX.ipv6 : prefix < WIDEST_HELD_PREFIX.ipv4;
}

/** Exactly one web port (80 or 443) over TCP: what a public load balancer needs. */
export function isWebPort(entry: Record<string, unknown>): boolean {
  return entry.protocol === 'tcp' && entry.from_port === entry.to_port && (entry.from_port === 80 || entry.from_port === 443);
}

export function ports(entry: Record<string, unknown>): string {
  if (entry.protocol === '-1') return 'all ports';
  return entry.from_port === entry.to_port ? `port ${entry.from_port}` : `ports ${entry.from_port}-${entry.to_port}`;
}

/**
 * Fails closed on what decides "open to the internet": the ingress blocks themselves (`dynamic`),
 * their ranges, and, for an internet-wide range, its ports and protocol.
 */
export function unknownIngress(resource: TfResource, entries: readonly Record<string, unknown>[], webPorts: boolean): Verdict | undefined {
  const { ingress, dynamic } = resource.attributes;
  if (resource.type === 'aws_security_group' && (isExpression(ingress) || asObject(firstOf(dynamic))?.ingress !== undefined)) {
    return nonCompliant(unverifiable('ingress', isExpression(ingress) ? ingress : '${dynamic ingress}', 'literal ingress rules'));
  }
  for (const entry of entries) {
    // Literal ports the rule does not judge (the other web/non-web rule does) make the range moot.
    const portsKnown = ['from_port', 'to_port', 'protocol'].every((key) => expressionIn(entry[key]) === undefined);
    if (portsKnown && isWebPort(entry) !== webPorts) continue;
    const ranges = unknownAt(resource.type === 'aws_vpc_security_group_ingress_rule' ? resource : entry, RANGES[resource.type] ?? RANGES.default, 'literal CIDR ranges');
    if (ranges) return ranges;
    const ports = ['from_port', 'to_port', 'protocol'].find((key) => expressionIn(entry[key]) !== undefined);
    if (fromAnywhere(entry) && ports) return nonCompliant(unverifiable(ports, String(entry[ports]), 'literal ports for an internet-wide range'));
  }
  return undefined;
}
