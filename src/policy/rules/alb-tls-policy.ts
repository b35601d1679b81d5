import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { requireAttr, unknownAt } from './check';

/**
 * The TLS 1.3 family (`ELBSecurityPolicy-TLS13-*`: TLS 1.2 minimum with forward-secret ciphers,
 * or TLS 1.3 only; Res, Ext, FIPS and PQ variants alike). The older TLS 1.2 policies
 * (`ELBSecurityPolicy-TLS-1-2-*`, `-FS-1-2-*`) that CKV_AWS_103 also accepts still offer CBC
 * ciphers without forward secrecy, so this rule is stricter there.
 */
export const MODERN_TLS_POLICY = /^ELBSecurityPolicy-TLS13-/;

export const albTlsPolicy: ResourceRule = {
  kind: 'resource',
  id: 'alb-tls-policy',
  property:
    'An HTTPS/TLS listener negotiates TLS 1.2 or newer with a current (ELBSecurityPolicy-TLS13-*) security policy; stricter than CKV_AWS_103, which also accepts the older TLS-1-2 and FS-1-2 policies.',
  publicIds: ['CKV_AWS_103', 'AVD-AWS-0047', 'ELB.17'],
  stricterThan: ['CKV_AWS_103'],
  fix: 'set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" on the listener',
  resourceTypes: ['aws_lb_listener', 'aws_alb_listener'],
  check: (listener) => {
    const unknown = unknownAt(listener, ['protocol'], 'a literal protocol');
    if (unknown) return unknown;
    const protocol = listener.attributes.protocol;
    if (protocol !== 'HTTPS' && protocol !== 'TLS') return NOT_APPLICABLE;
    return requireAttr(listener, 'ssl_policy', (v) => MODERN_TLS_POLICY.test(String(v)), 'an ELBSecurityPolicy-TLS13-* policy');
  },
};
