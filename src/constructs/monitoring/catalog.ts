/**
 * The one table of monitoring services: image, ports, data directory and the POSIX identity the
 * image runs as. Task definitions, Cloud Map names, security-group flows and every generated
 * configuration file read their ports and host names from here, so they cannot disagree.
 */
import { PropsError } from '../../core/input-error';

export type MonitoringServiceKey = 'prometheus' | 'loki' | 'tempo' | 'grafana' | 'collector';

export interface PosixIdentity {
  readonly uid: number;
  readonly gid: number;
}

export interface MonitoringServiceSpec {
  /** ECS service and Cloud Map name (`<name>.<namespace>`). */
  readonly name: string;
  /** Pinned official image; see the README for why each tag. */
  readonly image: string;
  /** Main HTTP port (API, UI, push endpoint). */
  readonly port: number;
  /** Other ports the container listens on. */
  readonly extraPorts: readonly number[];
  /** Port serving Prometheus `/metrics`. */
  readonly metricsPort: number;
  /** EFS mount point in the container; omitted for a stateless service. */
  readonly dataPath?: string;
  /** The user the image runs as; the EFS access point writes files as this identity. */
  readonly posixUser?: PosixIdentity;
}

/** Ports by role, named once. */
export const PORTS = {
  prometheusHttp: 9090,
  lokiHttp: 3100,
  lokiGrpc: 9096,
  tempoHttp: 3200,
  otlpGrpc: 4317,
  otlpHttp: 4318,
  grafanaHttp: 3000,
  collectorMetrics: 8888,
} as const;

export const MONITORING_SERVICES: Readonly<Record<MonitoringServiceKey, MonitoringServiceSpec>> = {
  // prom/prometheus is busybox-based (has /bin/sh) and runs as nobody.
  prometheus: {
    name: 'prometheus',
    image: 'prom/prometheus:v2.55.1',
    port: PORTS.prometheusHttp,
    extraPorts: [],
    metricsPort: PORTS.prometheusHttp,
    dataPath: '/prometheus',
    posixUser: { uid: 65534, gid: 65534 },
  },
  // 3.1.x is the last Alpine-based Loki image (3.2+ is distroless, /busybox/sh only); user loki 10001.
  loki: {
    name: 'loki',
    image: 'grafana/loki:3.1.1',
    port: PORTS.lokiHttp,
    extraPorts: [],
    metricsPort: PORTS.lokiHttp,
    dataPath: '/loki',
    posixUser: { uid: 10001, gid: 10001 },
  },
  // Alpine-based, runs as 10001:10001; also receives OTLP from the collector.
  tempo: {
    name: 'tempo',
    image: 'grafana/tempo:2.6.1',
    port: PORTS.tempoHttp,
    extraPorts: [PORTS.otlpGrpc],
    metricsPort: PORTS.tempoHttp,
    dataPath: '/var/tempo',
    posixUser: { uid: 10001, gid: 10001 },
  },
  // Alpine-based; user grafana (472) in group root (0), as the official image sets it.
  grafana: {
    name: 'grafana',
    image: 'grafana/grafana:11.3.1',
    port: PORTS.grafanaHttp,
    extraPorts: [],
    metricsPort: PORTS.grafanaHttp,
    dataPath: '/var/lib/grafana',
    posixUser: { uid: 472, gid: 0 },
  },
  // Distroless (no shell): the configuration arrives through the collector's env: provider.
  collector: {
    name: 'otel-collector',
    image: 'otel/opentelemetry-collector-contrib:0.114.0',
    port: PORTS.otlpHttp,
    extraPorts: [PORTS.otlpGrpc, PORTS.collectorMetrics],
    metricsPort: PORTS.collectorMetrics,
  },
};

export const MONITORING_SERVICE_KEYS = Object.keys(MONITORING_SERVICES) as MonitoringServiceKey[];

/** Host names and URLs of the monitoring services inside one Cloud Map namespace. */
export class MonitoringEndpoints {
  constructor(readonly namespace: string) {}

  /** `loki.monitoring.example.internal` */
  host(service: MonitoringServiceKey): string {
    return `${MONITORING_SERVICES[service].name}.${this.namespace}`;
  }

  /** `loki.monitoring.example.internal:3100` */
  address(service: MonitoringServiceKey, port: number): string {
    const spec = MONITORING_SERVICES[service];
    if (![spec.port, ...spec.extraPorts].includes(port)) {
      throw new PropsError({
        subject: `monitoring service ${service}`,
        field: 'port',
        value: port,
        problem: 'is not a port it listens on',
        fix: `use one of ${[spec.port, ...spec.extraPorts].join(', ')}`,
      });
    }
    return `${this.host(service)}:${port}`;
  }

  /** `http://loki.monitoring.example.internal:3100` plus an optional path. */
  url(service: MonitoringServiceKey, port: number, path = ''): string {
    return `http://${this.address(service, port)}${path}`;
  }
}

/** Cloud Map namespace of one environment's monitoring services; tenants reach the collector here. */
export function monitoringNamespace(namePrefix: string): string {
  return `monitoring.${namePrefix}.internal`;
}

/**
 * The standard OpenTelemetry SDK variables that send a tenant's traces, metrics and logs to its
 * environment's collector over OTLP/HTTP. The collector's name follows from the name prefix, so a
 * tenant needs no reference to the monitoring stack; before that stack exists the name does not
 * resolve and the SDKs drop what they would have sent.
 */
export function otlpExporterEnvironment(namePrefix: string, serviceName: string, environment: string): Record<string, string> {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: new MonitoringEndpoints(monitoringNamespace(namePrefix)).url('collector', PORTS.otlpHttp),
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    OTEL_SERVICE_NAME: serviceName,
    OTEL_RESOURCE_ATTRIBUTES: `deployment.environment=${environment}`,
  };
}
