import { loadBalancerAlarmSpecs } from '../../../src/constructs/alerting/load-balancer-alarm-specs';
import { AlarmSet, notifyTopic } from '../../../src/constructs/alerting/service-alarms';
import { resource, resources, synthJson } from '../../helpers/synth';
import { testStack } from '../../helpers/stack';

const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:test-operator-alerts';

// GIVEN the load balancer specs turned into alarms that notify the operator topic
const stack = testStack();
new AlarmSet(stack, 'alarms', {
  namePrefix: 'test',
  action: notifyTopic(TOPIC),
  alarms: loadBalancerAlarmSpecs({ loadBalancer: 'app/test-alb/50dc6c495c0c9188', elb5xxPerPeriod: 7 }),
});
const json = synthJson(stack);

describe('loadBalancerAlarmSpecs', () => {
  it('alarms on the 5xx the ALB itself answers, summed per 5 minutes', () => {
    const alarm = resource(json, 'aws_cloudwatch_metric_alarm', 'alarms_alb_elb_5xx');
    expect(alarm).toMatchObject({
      alarm_name: 'test-alb-elb-5xx',
      namespace: 'AWS/ApplicationELB',
      metric_name: 'HTTPCode_ELB_5XX_Count',
      statistic: 'Sum',
      period: 300,
      comparison_operator: 'GreaterThanThreshold',
      treat_missing_data: 'notBreaching',
    });
  });

  it('watches the whole load balancer, not one target group', () => {
    const alarm = resource(json, 'aws_cloudwatch_metric_alarm', 'alarms_alb_elb_5xx');
    expect(alarm.dimensions).toEqual({ LoadBalancer: 'app/test-alb/50dc6c495c0c9188' });
  });

  it('takes its threshold from the caller and names it in the description', () => {
    const alarm = resource(json, 'aws_cloudwatch_metric_alarm', 'alarms_alb_elb_5xx');
    expect(alarm.threshold).toBe(7);
    expect(alarm.alarm_description).toContain('more than 7 5xx');
  });

  it('notifies the operator topic on alarm and on recovery', () => {
    const alarm = resource(json, 'aws_cloudwatch_metric_alarm', 'alarms_alb_elb_5xx');
    expect(alarm.alarm_actions).toEqual([TOPIC]);
    expect(alarm.ok_actions).toEqual([TOPIC]);
  });

  it('raises exactly one alarm', () => {
    expect(Object.keys(resources(json, 'aws_cloudwatch_metric_alarm'))).toEqual(['alarms_alb_elb_5xx']);
  });
});
