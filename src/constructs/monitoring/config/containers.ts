/** The launch (entry command, environment with the rendered YAML) of every monitoring container. */
import { MONITORING_SERVICES, PORTS, type MonitoringEndpoints, type MonitoringServiceKey } from '../catalog';
import { collectorConfig } from './collector-config';
import { grafanaDatasources } from './grafana-datasources';
import { type ContainerLaunch, writeConfigThenExec } from './launch';
import { lokiConfig } from './loki-config';
import { prometheusConfig } from './prometheus-config';
import { toYaml } from './render';
import { tempoConfig } from './tempo-config';

export interface MonitoringContainersInput {
  readonly endpoints: MonitoringEndpoints;
  /** `environment` label on every metric. */
  readonly environment: string;
  /** Layer 1's scrape-targets namespace, where applications with a metrics endpoint register. */
  readonly scrapeTargetsNamespace: string;
  readonly retention: { readonly metricsInDays: number; readonly logsInDays: number; readonly tracesInDays: number };
  /** Public URLs, so links and redirects the servers generate point at the ALB hostnames. */
  readonly grafanaUrl: string;
  readonly prometheusUrl: string;
  /** Organisation role of a user signed in through Cognito. */
  readonly grafanaDefaultRole: 'Viewer' | 'Editor' | 'Admin';
}

/** Data lives under `<mount>/data`, the rendered file under `<mount>/config`, both on EFS. */
const dataDir = (key: MonitoringServiceKey) => `${MONITORING_SERVICES[key].dataPath}/data`;
const configDir = (key: MonitoringServiceKey) => `${MONITORING_SERVICES[key].dataPath}/config`;

export function monitoringContainers(input: MonitoringContainersInput): Record<MonitoringServiceKey, ContainerLaunch> {
  const { endpoints, retention } = input;
  const provisioning = `${MONITORING_SERVICES.grafana.dataPath}/provisioning`;
  const grafana = writeConfigThenExec(
    '/bin/sh',
    [{ variable: 'GRAFANA_DATASOURCES', path: `${provisioning}/datasources/atlas.yaml`, yaml: toYaml(grafanaDatasources({ endpoints })) }],
    ['/run.sh'],
    ['dashboards', 'plugins', 'alerting'].map((dir) => `${provisioning}/${dir}`),
  );
  return {
    prometheus: writeConfigThenExec(
      '/bin/sh',
      [
        {
          variable: 'PROMETHEUS_CONFIG',
          path: `${configDir('prometheus')}/prometheus.yml`,
          yaml: toYaml(prometheusConfig({ endpoints, environment: input.environment, scrapeTargetsNamespace: input.scrapeTargetsNamespace })),
        },
      ],
      [
        '/bin/prometheus',
        `--config.file=${configDir('prometheus')}/prometheus.yml`,
        `--storage.tsdb.path=${dataDir('prometheus')}`,
        `--storage.tsdb.retention.time=${retention.metricsInDays}d`,
        // The collector pushes OTLP metrics here (remote write).
        '--web.enable-remote-write-receiver',
        `--web.external-url=${input.prometheusUrl}`,
        `--web.listen-address=:${PORTS.prometheusHttp}`,
      ],
    ),
    loki: writeConfigThenExec(
      '/bin/sh',
      [
        {
          variable: 'LOKI_CONFIG',
          path: `${configDir('loki')}/loki.yaml`,
          yaml: toYaml(lokiConfig({ httpPort: PORTS.lokiHttp, grpcPort: PORTS.lokiGrpc, dataPath: dataDir('loki'), retentionInDays: retention.logsInDays })),
        },
      ],
      ['/usr/bin/loki', `-config.file=${configDir('loki')}/loki.yaml`],
    ),
    tempo: writeConfigThenExec(
      '/bin/sh',
      [
        {
          variable: 'TEMPO_CONFIG',
          path: `${configDir('tempo')}/tempo.yaml`,
          yaml: toYaml(tempoConfig({ httpPort: PORTS.tempoHttp, otlpGrpcPort: PORTS.otlpGrpc, dataPath: dataDir('tempo'), retentionInDays: retention.tracesInDays })),
        },
      ],
      ['/tempo', `-config.file=${configDir('tempo')}/tempo.yaml`],
    ),
    grafana: {
      ...grafana,
      environment: {
        ...grafana.environment,
        GF_PATHS_PROVISIONING: provisioning,
        GF_SERVER_ROOT_URL: input.grafanaUrl,
        // The ALB has authenticated the user (Cognito) and sets this header; Grafana trusts it
        // because only the ALB (and Prometheus, scraping /metrics) can reach port 3000.
        GF_AUTH_PROXY_ENABLED: 'true',
        GF_AUTH_PROXY_HEADER_NAME: 'X-Amzn-Oidc-Identity',
        GF_AUTH_PROXY_HEADER_PROPERTY: 'username',
        GF_AUTH_PROXY_AUTO_SIGN_UP: 'true',
        GF_USERS_AUTO_ASSIGN_ORG_ROLE: input.grafanaDefaultRole,
        // No local logins: the built-in admin account cannot be used from outside.
        GF_AUTH_DISABLE_LOGIN_FORM: 'true',
        GF_AUTH_BASIC_ENABLED: 'false',
        // Signing out of Grafana would not end the ALB session, so the menu entry only confuses.
        GF_AUTH_DISABLE_SIGNOUT_MENU: 'true',
        GF_ANALYTICS_REPORTING_ENABLED: 'false',
        GF_LOG_MODE: 'console',
      },
    },
    // The image's entry point stays /otelcol-contrib; `env:` is one of its built-in config providers.
    collector: { command: ['--config=env:OTELCOL_CONFIG'], environment: { OTELCOL_CONFIG: toYaml(collectorConfig({ endpoints })) } },
  };
}
