import type { MetricAlarmSpec } from './service-alarms';

export interface LoadBalancerAlarmInputs {
  /** `app/<name>/<id>` of the shared ALB (the LoadBalancer dimension). */
  readonly loadBalancer: string;
  /** 5xx responses the ALB generates itself, per 5-minute period, above which the alarm fires. */
  readonly elb5xxPerPeriod: number;
}

/**
 * Alarms of the shared ALB itself, owned by Layer 1 with the ALB. `HTTPCode_ELB_5XX_Count` counts
 * the 5xx the load balancer answers on its own (502/503/504: no healthy target, target timeout,
 * failed Cognito authentication), which no per-target-group alarm sees; target 5xx stay with the
 * workloads (workload-alarm-specs.ts). Specs only: an AlarmSet turns them into alarms.
 */
export function loadBalancerAlarmSpecs(props: LoadBalancerAlarmInputs): MetricAlarmSpec[] {
  return [
    {
      id: 'alb_elb_5xx',
      description: `Shared ALB: the load balancer itself answered more than ${props.elb5xxPerPeriod} 5xx (502/503/504) in 5 minutes`,
      namespace: 'AWS/ApplicationELB',
      metricName: 'HTTPCode_ELB_5XX_Count',
      dimensions: { LoadBalancer: props.loadBalancer },
      statistic: 'Sum',
      threshold: props.elb5xxPerPeriod,
      comparison: 'GreaterThanThreshold',
      periodSeconds: 300,
    },
  ];
}
