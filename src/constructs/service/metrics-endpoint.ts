/**
 * A TenantService's opt-in Prometheus endpoint: its tasks register (task address and metrics port,
 * as SRV records) in Layer 1's Cloud Map service of the chosen path (ARN from the contract), and the
 * service's security group admits Layer 1's metrics-scraper group on that port. Prometheus's one
 * `applications` job then finds the tasks without a change to its configuration.
 */
import type { EcsServiceServiceRegistries } from '@cdktf/provider-aws/lib/ecs-service';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { MAX_TASKS_PER_METRICS_PATH, METRICS_PATHS, type MetricsPath } from '../../contract/scrape-targets';
import type { PlatformParameters } from '../platform/platform-parameters';

/** Where a service serves Prometheus metrics (plain HTTP inside the VPC). */
export interface MetricsEndpoint {
  /** TCP port of the metrics endpoint; added to the container's ports when it is not one already. */
  readonly port: number;
  /**
   * Path of the endpoint, one of `METRICS_PATHS` (DNS tells Prometheus the port but not a path, so
   * each supported path has its own discovery name). @default '/metrics'
   */
  readonly path?: MetricsPath;
}

/** Fails construction on a metrics endpoint Prometheus could not be told about. */
export function validateMetricsEndpoint(serviceName: string, metrics: MetricsEndpoint, others: { serviceRegistryArn?: string; desiredCount?: number }): void {
  if (!Number.isInteger(metrics.port) || metrics.port < 1 || metrics.port > 65535) {
    throw new Error(`TenantService ${serviceName}: metrics.port = ${metrics.port} is not a TCP port. Fix: 1-65535`);
  }
  if (metrics.path !== undefined && !Object.hasOwn(METRICS_PATHS, metrics.path)) {
    throw new Error(
      `TenantService ${serviceName}: metrics.path = "${metrics.path}" has no discovery name, so Prometheus would not know it. Fix: serve metrics on one of ${Object.keys(METRICS_PATHS).join(', ')}, or add the path to METRICS_PATHS (a platform change, then Layer 1 and monitoring are applied again)`,
    );
  }
  if (others.serviceRegistryArn !== undefined) {
    throw new Error(`TenantService ${serviceName}: metrics and serviceRegistryArn are both set, and ECS registers a service in one Cloud Map service only. Fix: drop one of them`);
  }
  if ((others.desiredCount ?? 1) > MAX_TASKS_PER_METRICS_PATH) {
    throw new Error(
      `TenantService ${serviceName}: desiredCount = ${others.desiredCount} with metrics set, but a DNS answer holds at most ${MAX_TASKS_PER_METRICS_PATH} tasks, so Prometheus would scrape a random subset. Fix: at most ${MAX_TASKS_PER_METRICS_PATH} tasks, or push metrics over OTLP instead`,
    );
  }
}

export interface MetricsRegistrationProps {
  readonly platform: PlatformParameters;
  /** Container that serves the endpoint (the service's one container). */
  readonly containerName: string;
  /** The tasks' own security group. */
  readonly securityGroupId: string;
  readonly endpoint: MetricsEndpoint;
}

/** The Cloud Map registration and the ingress rule of one service's metrics endpoint. */
export class MetricsRegistration extends Construct {
  /** The ECS service's `service_registries` block. */
  readonly serviceRegistries: EcsServiceServiceRegistries;

  constructor(scope: Construct, id: string, props: MetricsRegistrationProps) {
    super(scope, id);
    const { platform, endpoint } = props;
    const path = endpoint.path ?? '/metrics';
    new VpcSecurityGroupIngressRule(this, 'ingress_from_scrapers', {
      securityGroupId: props.securityGroupId,
      description: `Prometheus scrapes ${path}`,
      ipProtocol: 'tcp',
      fromPort: endpoint.port,
      toPort: endpoint.port,
      referencedSecurityGroupId: platform.get('metricsScraperSecurityGroupId'),
    });
    // Layer 1 owns the Cloud Map service of each path; the contract carries its ARN.
    this.serviceRegistries = { registryArn: platform.get(METRICS_PATHS[path].registryParameter), containerName: props.containerName, containerPort: endpoint.port };
  }
}
