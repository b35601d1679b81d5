import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { claimListenerPriority, LISTENER_PRIORITIES, MAX_PRIORITY, MIN_PRIORITY } from '../../src/contract/listener-priorities';
import { PropsError } from '../../src/core/input-error';
import { expectInputError } from '../helpers/input-error';

const LISTENER = '/infra/alb-listener-arn';

describe('listener-priority registry', () => {
  test('no two entries of the table share a priority', () => {
    // GIVEN the registry table
    const numbers = Object.values(LISTENER_PRIORITIES);
    // THEN every number is used once and lies in the ALB range
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) {
      expect(n).toBeGreaterThanOrEqual(MIN_PRIORITY);
      expect(n).toBeLessThanOrEqual(MAX_PRIORITY);
    }
  });

  test('the catch-all is evaluated after every other rule', () => {
    const others = Object.entries(LISTENER_PRIORITIES)
      .filter(([key]) => key !== 'eventsIngestionCatchAll')
      .map(([, n]) => n);
    expect(Math.max(...others)).toBeLessThan(LISTENER_PRIORITIES.eventsIngestionCatchAll);
  });

  test('one rule may claim its own priority again (re-synthesis of the same construct)', () => {
    const app = Testing.app();
    claimListenerPriority(app, { listener: LISTENER, priority: 100, rule: 'stack/a' });
    expect(() => claimListenerPriority(app, { listener: LISTENER, priority: 100, rule: 'stack/a' })).not.toThrow();
  });

  test('the same priority on two different listeners is allowed', () => {
    const app = Testing.app();
    claimListenerPriority(app, { listener: '/infra/alb-listener-arn', priority: 100, rule: 'staging/a' });
    expect(() => claimListenerPriority(app, { listener: '/atlas-prod/infra/alb-listener-arn', priority: 100, rule: 'prod/a' })).not.toThrow();
  });

  test('rejects a second rule with the same priority on one listener, naming both rules', () => {
    // GIVEN two stacks of one app, one rule each
    const app = Testing.app();
    const first = new Construct(app, 'monitoring-staging');
    const second = new Construct(app, 'atlas-staging');
    claimListenerPriority(first, { listener: LISTENER, priority: 200, rule: 'monitoring-staging/grafana/host_rule' });
    // WHEN the second claims the same number THEN the error names both and the registry
    expectInputError(
      PropsError,
      () => claimListenerPriority(second, { listener: LISTENER, priority: 200, rule: 'atlas-staging/kafka_ui/host_rule' }),
      /priority = 200 on \/infra\/alb-listener-arn is claimed by both monitoring-staging\/grafana\/host_rule and atlas-staging\/kafka_ui\/host_rule\. Fix: .*listener-priorities\.ts/,
    );
  });

  test.each([0, 50001, 12.5])('rejects priority %p outside the ALB range', (priority) => {
    const error = expectInputError(PropsError, () => claimListenerPriority(Testing.app(), { listener: LISTENER, priority, rule: 'x/rule' }), /outside 1-50000\. Fix:/);
    expect([error.field, error.value]).toEqual(['priority', priority]);
  });

  test('claims of separate apps do not see each other', () => {
    claimListenerPriority(Testing.app(), { listener: LISTENER, priority: 300, rule: 'one/rule' });
    expect(() => claimListenerPriority(Testing.app(), { listener: LISTENER, priority: 300, rule: 'two/rule' })).not.toThrow();
  });
});
