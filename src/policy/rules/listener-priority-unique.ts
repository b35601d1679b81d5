import { isExpression, type StackDocument } from '../../terraform-json/document';
import type { AppRule, TfResource, Violation } from '../types';

interface PlacedRule {
  readonly stack: string;
  readonly rule: TfResource;
  readonly listener: string;
  readonly priority: number;
}

/**
 * Which listener a rule attaches to, comparable across stacks: the SSM parameter a Layer 2 stack
 * reads the listener ARN from, the literal ARN, or a listener of the same stack.
 */
function listenerKey(stack: StackDocument, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const target = stack.target(value);
  if (target?.resource.type === 'aws_ssm_parameter' && target.resource.address.startsWith('data.')) {
    return `SSM parameter ${String(target.resource.attributes.name)}`;
  }
  return isExpression(value) ? `${stack.name}: ${value}` : value;
}

export const listenerPriorityUnique: AppRule = {
  kind: 'app',
  id: 'listener-priority-unique',
  property: 'No two listener rules on one listener share a priority, across every stack of the run.',
  publicIds: [],
  fix: 'give one of the rules another priority (src/contract/listener-priorities.ts)',
  waivable: 'never',
  check: (stacks) => {
    const placed: PlacedRule[] = stacks.flatMap((stack) =>
      [...stack.ofType('aws_lb_listener_rule'), ...stack.ofType('aws_alb_listener_rule')].flatMap((rule) => {
        const listener = listenerKey(stack, rule.attributes.listener_arn);
        const raw = rule.attributes.priority;
        const priority = typeof raw === 'number' || (typeof raw === 'string' && /^\d+$/.test(raw)) ? Number(raw) : undefined;
        // Without a literal priority AWS assigns the next free one: nothing can clash.
        return listener && priority !== undefined ? [{ stack: stack.name, rule, listener, priority }] : [];
      }),
    );
    return placed.flatMap((p): Required<Violation>[] => {
      const others = placed.filter((o) => o !== p && o.listener === p.listener && o.priority === p.priority);
      if (others.length === 0) return [];
      const names = others.map((o) => `${o.stack}/${o.rule.address}`).join(', ');
      return [{ stack: p.stack, address: p.rule.address, problem: `priority ${p.priority} on the listener from ${p.listener} is also used by ${names}` }];
    });
  },
};
