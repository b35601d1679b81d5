import { OperatorAlerts } from '../../../src/constructs/alerting/operator-alerts';
import { Names } from '../../../src/core/naming';
import { resource, synthJson } from '../../helpers/synth';
import { testStack } from '../../helpers/stack';

const stack = testStack();
new OperatorAlerts(stack, 'alerts', { names: new Names('test'), accountId: '111122223333', operatorEmail: 'ops@example.com', monthlyBudgetUsd: 150, environmentTag: 'dev' });
const json = synthJson(stack);

describe('OperatorAlerts', () => {
  it('encrypts the topic with a rotated customer managed key that CloudWatch and Budgets may use', () => {
    expect(resource(json, 'aws_sns_topic', 'alerts_topic').kms_master_key_id).toBe('${aws_kms_key.alerts_key.arn}');
    const key = resource(json, 'aws_kms_key', 'alerts_key');
    expect(key.enable_key_rotation).toBe(true);
    expect(key.policy).toContain('"cloudwatch.amazonaws.com", "budgets.amazonaws.com"');
  });

  it('subscribes the operator email', () => {
    expect(resource(json, 'aws_sns_topic_subscription', 'alerts_operator_email')).toMatchObject({ protocol: 'email', endpoint: 'ops@example.com' });
  });

  it('budgets the environment tag monthly and warns at 80% actual and 100% forecast', () => {
    const budget = resource(json, 'aws_budgets_budget', 'alerts_budget');
    expect(budget).toMatchObject({ limit_amount: '150.00', limit_unit: 'USD', time_unit: 'MONTHLY' });
    expect(budget.cost_filter).toEqual([{ name: 'TagKeyValue', values: ['user:Environment$dev'] }]);
    expect(budget.notification.map((n: { threshold: number; notification_type: string }) => [n.threshold, n.notification_type])).toEqual([
      [80, 'ACTUAL'],
      [100, 'FORECASTED'],
    ]);
  });
});
