import type { MetricAlarmSpec } from './service-alarms';

export interface WorkloadAlarmInputs {
  /** `app/<name>/<id>` of the shared ALB (the LoadBalancer dimension). */
  readonly loadBalancer: string;
  /** Service name -> target group ARN suffix (`targetgroup/<name>/<id>`). */
  readonly targetGroups: Readonly<Record<string, string>>;
  /** @default 10 */
  readonly target5xxPerPeriod?: number;
  readonly database?: {
    readonly identifier: string;
    readonly allocatedStorageInGib: number;
    readonly connectionsThreshold: number;
  };
  readonly kafka?: { readonly clusterName: string; readonly brokers: number };
}

const GIB = 1024 ** 3;

/**
 * Alarms of the Atlas workloads beyond what each TenantService raises (CPU, memory, unhealthy
 * targets): target 5xx per service, RDS CPU/free storage/connections, MSK data disk per broker.
 * Specs only: an AlarmSet turns them into alarms with the chosen action.
 */
export function workloadAlarmSpecs(props: WorkloadAlarmInputs): MetricAlarmSpec[] {
  const specs: MetricAlarmSpec[] = Object.entries(props.targetGroups).map(([service, targetGroup]) => ({
    id: `${service.replace(/-/g, '_')}_target_5xx`,
    description: `${service}: targets answered more than ${props.target5xxPerPeriod ?? 10} 5xx in 5 minutes`,
    namespace: 'AWS/ApplicationELB',
    metricName: 'HTTPCode_Target_5XX_Count',
    dimensions: { LoadBalancer: props.loadBalancer, TargetGroup: targetGroup },
    statistic: 'Sum',
    threshold: props.target5xxPerPeriod ?? 10,
    comparison: 'GreaterThanThreshold',
  }));
  const db = props.database;
  if (db) {
    const dimensions = { DBInstanceIdentifier: db.identifier };
    specs.push(
      {
        id: 'rds_cpu_high',
        description: `${db.identifier}: CPU above 80%`,
        namespace: 'AWS/RDS',
        metricName: 'CPUUtilization',
        dimensions,
        statistic: 'Average',
        threshold: 80,
        comparison: 'GreaterThanThreshold',
      },
      {
        id: 'rds_free_storage_low',
        description: `${db.identifier}: less than 10% of the allocated storage free`,
        namespace: 'AWS/RDS',
        metricName: 'FreeStorageSpace',
        dimensions,
        statistic: 'Minimum',
        threshold: Math.round(db.allocatedStorageInGib * GIB * 0.1),
        comparison: 'LessThanThreshold',
      },
      {
        id: 'rds_connections_high',
        description: `${db.identifier}: more than ${db.connectionsThreshold} connections`,
        namespace: 'AWS/RDS',
        metricName: 'DatabaseConnections',
        dimensions,
        statistic: 'Maximum',
        threshold: db.connectionsThreshold,
        comparison: 'GreaterThanThreshold',
      },
    );
  }
  const kafka = props.kafka;
  // KafkaDataLogsDiskUsed is published per broker (DEFAULT monitoring); broker ids run from 1.
  for (let broker = 1; kafka && broker <= kafka.brokers; broker++) {
    specs.push({
      id: `msk_disk_broker_${broker}`,
      description: `${kafka.clusterName} broker ${broker}: data disk above 80%`,
      namespace: 'AWS/Kafka',
      metricName: 'KafkaDataLogsDiskUsed',
      dimensions: { 'Cluster Name': kafka.clusterName, 'Broker ID': String(broker) },
      statistic: 'Maximum',
      threshold: 80,
      comparison: 'GreaterThanThreshold',
    });
  }
  return specs;
}
