import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { requireAttr } from './check';

/** TLS 1.2 minimum with forward-secret ciphers, or TLS 1.3 only (the FIPS variants too). */
export const MODERN_TLS_POLICIES: readonly string[] = [
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04',
];

export const albTlsPolicy: ResourceRule = {
  kind: 'resource',
  id: 'alb-tls-policy',
  property: 'An HTTPS/TLS listener negotiates TLS 1.2 or newer with a current security policy.',
  publicIds: ['CKV_AWS_103', 'AVD-AWS-0047', 'ELB.17'],
  fix: 'set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" on the listener',
  resourceTypes: ['aws_lb_listener', 'aws_alb_listener'],
  check: (listener) => {
    const protocol = listener.attributes.protocol;
    if (protocol !== 'HTTPS' && protocol !== 'TLS') return NOT_APPLICABLE;
    return requireAttr(listener, 'ssl_policy', (v) => MODERN_TLS_POLICIES.includes(String(v)), `one of ${MODERN_TLS_POLICIES.join(', ')}`);
  },
};
