/**
 * Where services with a metrics endpoint register so that Prometheus finds them: one Cloud Map
 * private DNS namespace per environment (Layer 1) and in it one SRV service per supported metrics
 * path. Prometheus asks each name for SRV records (task address and port) in ONE scrape job and
 * sets the path from the name the record came from; DNS cannot carry a path, so the set of paths
 * is fixed here and shared by Layer 1, the monitoring stack and every tenant.
 */
import type { PlatformParameter } from './platform-parameters';

/**
 * Metrics path -> name of its Cloud Map service in the scrape-targets namespace, and the contract
 * parameter that carries that service's ARN to tenants.
 */
export const METRICS_PATHS = {
  /** Prometheus client libraries, the OpenTelemetry Prometheus exporter. */
  '/metrics': { name: 'metrics', registryParameter: 'metricsRegistryArn' },
  /** Spring Boot Actuator with Micrometer's Prometheus registry. */
  '/actuator/prometheus': { name: 'actuator-prometheus', registryParameter: 'actuatorPrometheusRegistryArn' },
} as const satisfies Record<string, { readonly name: string; readonly registryParameter: PlatformParameter }>;

/** A metrics path Prometheus can be told about through DNS. */
export type MetricsPath = keyof typeof METRICS_PATHS;

/**
 * Route 53 answers a multivalue query with at most eight healthy records, so one name carries at
 * most eight tasks before Prometheus sees a random subset.
 */
export const MAX_TASKS_PER_METRICS_PATH = 8;

/** The scrape-targets namespace of one environment, e.g. `scrape.poc-atlas-dev.internal`. */
export function scrapeTargetsNamespace(namePrefix: string): string {
  return `scrape.${namePrefix}.internal`;
}

/** The SRV name Prometheus queries for one path, e.g. `metrics.scrape.poc-atlas-dev.internal`. */
export function scrapeTargetsName(namePrefix: string, path: MetricsPath): string {
  return `${METRICS_PATHS[path].name}.${scrapeTargetsNamespace(namePrefix)}`;
}
