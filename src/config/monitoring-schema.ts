/**
 * The `monitoring` section of an environment (Layer 2b): public hostnames of Grafana and
 * Prometheus, retention of metrics, logs and traces, and the Fargate size of each service.
 */
import { z } from 'zod';
import { dnsName, dnsNameProblem, fargateSizeProblem, hostnameUnderDomainProblem } from './rules';

/** Fargate CPU units and memory of one service, refused unless Fargate offers the pair. */
export const fargateSize = z.strictObject({ cpu: z.number().int(), memory: z.number().int() }).superRefine((size, ctx) => {
  const problem = fargateSizeProblem(size.cpu, size.memory, 'memory');
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
});

const days = (max: number) =>
  z
    .number()
    .int()
    .min(1, { error: 'must be at least 1 day. Fix: e.g. 15' })
    .max(max, { error: `is more than ${max} days. Fix: keep it at ${max} or less` });

export const monitoringSchema = z.strictObject({
  /** Public hostnames on the shared ALB, behind Cognito; each must be a callback hostname. */
  hostnames: z.strictObject({ grafana: dnsName, prometheus: dnsName }),
  /** How long each backend keeps data on EFS. */
  retention: z.strictObject({ metricsInDays: days(3650), logsInDays: days(3650), tracesInDays: days(3650) }),
  /**
   * Grafana organisation role of a user who passed the Cognito login (auto sign-up). `Admin` lets
   * every such user add data sources that reach anything in the VPC: keep it for short, deliberate use.
   */
  grafanaDefaultRole: z.enum(['Viewer', 'Editor', 'Admin']),
  /** Fargate size of each monitoring service. */
  sizes: z.strictObject({
    prometheus: fargateSize,
    loki: fargateSize,
    tempo: fargateSize,
    grafana: fargateSize,
    collector: fargateSize,
  }),
});

export type MonitoringConfig = z.output<typeof monitoringSchema>;

interface EnvironmentView {
  readonly dns: { readonly domain: string };
  readonly identity: { readonly callbackHostnames: readonly string[] };
  readonly monitoring: MonitoringConfig;
}

/**
 * Cross-field checks: a monitoring hostname must sit under the platform domain (the wildcard
 * certificate and zone) and be a Cognito callback hostname (or the login redirect fails).
 */
export function checkMonitoring(env: EnvironmentView, ctx: z.RefinementCtx): void {
  for (const [service, host] of Object.entries(env.monitoring.hostnames)) {
    if (dnsNameProblem(host)) continue;
    const path = ['monitoring', 'hostnames', service];
    const placement = hostnameUnderDomainProblem(host, env.dns.domain);
    if (placement) {
      ctx.addIssue({ code: 'custom', path, message: placement.replace(/Fix: use a name ending in \S+$/, `Fix: use ${service}.${env.dns.domain}`) });
    } else if (!env.identity.callbackHostnames.includes(host)) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `is not in identity.callbackHostnames, so the Cognito login cannot redirect back to it. Fix: add "${host}" to identity.callbackHostnames`,
      });
    }
  }
}
