/** IPv4 CIDR arithmetic used to validate network configuration before anything is synthesized. */

export interface Ipv4Block {
  /** First address of the block as an unsigned 32-bit integer. */
  readonly network: number;
  readonly prefixLength: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; returns undefined when it is not a valid, network-aligned IPv4 CIDR. */
export function parseCidr(cidr: string): Ipv4Block | undefined {
  const match = CIDR_PATTERN.exec(cidr);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((o) => o > 255) || prefixLength > 32) return undefined;
  const address = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  if ((address & mask(prefixLength)) >>> 0 !== address) return undefined;
  return { network: address, prefixLength };
}

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return inner.prefixLength >= outer.prefixLength && (inner.network & mask(outer.prefixLength)) >>> 0 === outer.network;
}

export function cidrsOverlap(a: Ipv4Block, b: Ipv4Block): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

function mask(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}
