/**
 * Every network flow the monitoring services need, and nothing else. The security-group rules
 * are created from this table; tests check that each endpoint in a generated configuration file
 * has its flow here.
 */
import { MONITORING_SERVICE_KEYS, MONITORING_SERVICES, PORTS, type MonitoringServiceKey } from './catalog';

export interface MonitoringFlow {
  readonly id: string;
  readonly description: string;
  /** A monitoring service, or `vpc` for applications anywhere in the VPC. */
  readonly from: MonitoringServiceKey | 'vpc';
  readonly to: MonitoringServiceKey;
  readonly port: number;
}

const scrapes: MonitoringFlow[] = MONITORING_SERVICE_KEYS.filter((key) => key !== 'prometheus').map((key) => ({
  id: `prometheus_scrapes_${key}`,
  description: `Prometheus scrapes ${MONITORING_SERVICES[key].name} /metrics`,
  from: 'prometheus',
  to: key,
  port: MONITORING_SERVICES[key].metricsPort,
}));

export const MONITORING_FLOWS: readonly MonitoringFlow[] = [
  { id: 'apps_to_collector_otlp_grpc', description: 'OTLP gRPC from applications in the VPC', from: 'vpc', to: 'collector', port: PORTS.otlpGrpc },
  { id: 'apps_to_collector_otlp_http', description: 'OTLP HTTP from applications in the VPC', from: 'vpc', to: 'collector', port: PORTS.otlpHttp },
  { id: 'collector_to_loki', description: 'Logs (OTLP HTTP) from the collector', from: 'collector', to: 'loki', port: PORTS.lokiHttp },
  { id: 'collector_to_tempo', description: 'Traces (OTLP gRPC) from the collector', from: 'collector', to: 'tempo', port: PORTS.otlpGrpc },
  { id: 'collector_to_prometheus', description: 'Metrics (remote write) from the collector', from: 'collector', to: 'prometheus', port: PORTS.prometheusHttp },
  { id: 'grafana_to_prometheus', description: 'Grafana queries Prometheus', from: 'grafana', to: 'prometheus', port: PORTS.prometheusHttp },
  { id: 'grafana_to_loki', description: 'Grafana queries Loki', from: 'grafana', to: 'loki', port: PORTS.lokiHttp },
  { id: 'grafana_to_tempo', description: 'Grafana queries Tempo', from: 'grafana', to: 'tempo', port: PORTS.tempoHttp },
  ...scrapes,
];
