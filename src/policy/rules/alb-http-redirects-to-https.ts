import { blockList } from '../../terraform-json/document';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../types';
import { unknownAt } from './check';

export const albHttpRedirectsToHttps: ResourceRule = {
  kind: 'resource',
  id: 'alb-http-redirects-to-https',
  property: 'A plain-HTTP listener only redirects to HTTPS; it never serves content.',
  publicIds: ['CKV_AWS_2', 'AVD-AWS-0054', 'ELB.1'],
  fix: 'make the HTTP listener\'s default_action a redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" }',
  resourceTypes: ['aws_lb_listener', 'aws_alb_listener'],
  check: (listener) => {
    const unknown = unknownAt(listener, ['protocol', 'default_action.type', 'default_action.redirect.protocol'], 'a redirect to HTTPS');
    if (unknown) return unknown;
    // An ALB listener without a protocol is HTTP, whatever else it sets.
    const protocol = listener.attributes.protocol ?? 'HTTP';
    if (protocol !== 'HTTP') return NOT_APPLICABLE;
    const actions = blockList(listener.attributes.default_action);
    const redirects = actions.some((a) => a.type === 'redirect' && blockList(a.redirect).some((r) => r.protocol === 'HTTPS'));
    if (redirects && actions.length === 1) return COMPLIANT;
    return nonCompliant(`HTTP listener default_action is ${actions.map((a) => a.type).join(', ') || 'missing'}, not a single redirect to HTTPS`);
  },
};
