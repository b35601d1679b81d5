/** prometheus.yml: scrape every monitoring service through Cloud Map DNS (A records). */
import { MONITORING_SERVICE_KEYS, MONITORING_SERVICES, PORTS, type MonitoringEndpoints, type MonitoringServiceKey } from './catalog';

export interface DnsSdConfig {
  readonly names: string[];
  readonly type: 'A' | 'SRV';
  readonly port: number;
  readonly refresh_interval: string;
}

export interface ScrapeConfig {
  readonly job_name: string;
  readonly metrics_path: string;
  readonly static_configs?: { readonly targets: string[] }[];
  readonly dns_sd_configs?: DnsSdConfig[];
}

export interface PrometheusConfig {
  readonly global: { readonly scrape_interval: string; readonly evaluation_interval: string; readonly external_labels: Record<string, string> };
  readonly scrape_configs: ScrapeConfig[];
}

export interface PrometheusConfigInput {
  readonly endpoints: MonitoringEndpoints;
  /** Value of the `environment` label on every series. */
  readonly environment: string;
  /** @default '30s' */
  readonly scrapeInterval?: string;
}

/**
 * Prometheus scrapes itself on localhost (traffic to its own address never leaves the task) and
 * every other service by its Cloud Map name, which resolves to the IPs of all running tasks.
 */
export function prometheusConfig(input: PrometheusConfigInput): PrometheusConfig {
  const interval = input.scrapeInterval ?? '30s';
  const others = MONITORING_SERVICE_KEYS.filter((key): key is Exclude<MonitoringServiceKey, 'prometheus'> => key !== 'prometheus');
  return {
    global: { scrape_interval: interval, evaluation_interval: interval, external_labels: { environment: input.environment } },
    scrape_configs: [
      { job_name: 'prometheus', metrics_path: '/metrics', static_configs: [{ targets: [`localhost:${PORTS.prometheusHttp}`] }] },
      ...others.map((key) => ({
        job_name: MONITORING_SERVICES[key].name,
        metrics_path: '/metrics',
        dns_sd_configs: [{ names: [input.endpoints.host(key)], type: 'A' as const, port: MONITORING_SERVICES[key].metricsPort, refresh_interval: interval }],
      })),
    ],
  };
}
