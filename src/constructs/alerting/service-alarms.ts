import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';

/** What an alarm does when it fires: a small strategy chosen by configuration. */
export interface AlarmAction {
  /** ARNs notified when an alarm fires (e.g. an SNS topic). */
  readonly alarmActions: string[];
  /** ARNs notified when an alarm recovers. */
  readonly okActions: string[];
}

/** Notify an SNS topic on alarm and on recovery. */
export function notifyTopic(topicArn: string): AlarmAction {
  return { alarmActions: [topicArn], okActions: [topicArn] };
}

/** Record the alarm state only (dashboards, tests). */
export function recordOnly(): AlarmAction {
  return { alarmActions: [], okActions: [] };
}

export interface MetricAlarmSpec {
  /** Snake-case id, also the suffix of the alarm name. */
  readonly id: string;
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Record<string, string>;
  readonly statistic: 'Average' | 'Maximum' | 'Minimum' | 'Sum';
  readonly threshold: number;
  readonly comparison: 'GreaterThanThreshold' | 'LessThanThreshold' | 'GreaterThanOrEqualToThreshold';
  /** @default 300 */
  readonly periodSeconds?: number;
  /** @default 2 */
  readonly evaluationPeriods?: number;
}

export interface AlarmSetProps {
  /** Prefix of every alarm name, e.g. `poc-atlas-dev-api`. */
  readonly namePrefix: string;
  readonly action: AlarmAction;
  readonly alarms: readonly MetricAlarmSpec[];
}

/** A set of CloudWatch metric alarms sharing one action; missing data never pages anyone. */
export class AlarmSet extends Construct {
  constructor(scope: Construct, id: string, props: AlarmSetProps) {
    super(scope, id);
    for (const spec of props.alarms) {
      new CloudwatchMetricAlarm(this, spec.id, {
        alarmName: `${props.namePrefix}-${spec.id.replace(/_/g, '-')}`,
        alarmDescription: spec.description,
        namespace: spec.namespace,
        metricName: spec.metricName,
        dimensions: spec.dimensions,
        statistic: spec.statistic,
        threshold: spec.threshold,
        comparisonOperator: spec.comparison,
        period: spec.periodSeconds ?? 300,
        evaluationPeriods: spec.evaluationPeriods ?? 2,
        treatMissingData: 'notBreaching',
        alarmActions: props.action.alarmActions,
        okActions: props.action.okActions,
      });
    }
  }
}
