/**
 * prometheus.yml: scrape every monitoring service through Cloud Map DNS (A records), and every
 * application with a metrics endpoint through the scrape-targets namespace (SRV records).
 */
import { METRICS_PATHS, type MetricsPath } from '../contract/scrape-targets';
import { MONITORING_SERVICE_KEYS, MONITORING_SERVICES, PORTS, type MonitoringEndpoints, type MonitoringServiceKey } from './catalog';

export interface DnsSdConfig {
  readonly names: string[];
  readonly type: 'A' | 'SRV';
  /** Only for A records; an SRV record carries its own port. */
  readonly port?: number;
  readonly refresh_interval: string;
}

export interface RelabelConfig {
  readonly source_labels: string[];
  readonly regex: string;
  readonly target_label: string;
  readonly replacement: string;
}

export interface ScrapeConfig {
  readonly job_name: string;
  readonly metrics_path: string;
  readonly static_configs?: { readonly targets: string[] }[];
  readonly dns_sd_configs?: DnsSdConfig[];
  readonly relabel_configs?: RelabelConfig[];
}

export interface PrometheusConfig {
  readonly global: { readonly scrape_interval: string; readonly evaluation_interval: string; readonly external_labels: Record<string, string> };
  readonly scrape_configs: ScrapeConfig[];
}

export interface PrometheusConfigInput {
  readonly endpoints: MonitoringEndpoints;
  /** Value of the `environment` label on every series. */
  readonly environment: string;
  /** Layer 1's scrape-targets namespace, e.g. `scrape.poc-atlas-dev.internal`. */
  readonly scrapeTargetsNamespace: string;
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
      applicationsJob(input.scrapeTargetsNamespace, interval),
    ],
  };
}

/** Name of the job that scrapes every application with a metrics endpoint. */
export const APPLICATIONS_JOB = 'applications';

/**
 * One job for all applications, whatever repository they come from: each path's SRV name answers
 * with `<task>.<name>.<namespace>:<metrics port>` for every healthy task registered there, and the
 * name a target came from sets its path.
 */
function applicationsJob(namespace: string, interval: string): ScrapeConfig {
  const paths = (Object.keys(METRICS_PATHS) as MetricsPath[]).map((path) => [path, METRICS_PATHS[path].name] as const);
  const nameOf = (name: string) => `${name}.${namespace}`;
  return {
    job_name: APPLICATIONS_JOB,
    metrics_path: '/metrics',
    dns_sd_configs: [{ names: paths.map(([, name]) => nameOf(name)), type: 'SRV', refresh_interval: interval }],
    relabel_configs: paths.map(([path, name]) => ({
      source_labels: ['__meta_dns_name'],
      // Relabel regexes are anchored; dots are literal.
      regex: nameOf(name).replace(/\./g, '\\.'),
      target_label: '__metrics_path__',
      replacement: path,
    })),
  };
}
