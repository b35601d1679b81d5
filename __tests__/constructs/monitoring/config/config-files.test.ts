import { parse } from 'yaml';
import { MONITORING_SERVICE_KEYS, MONITORING_SERVICES, MonitoringEndpoints, PORTS } from '../../../../src/constructs/monitoring/catalog';
import { collectorConfig } from '../../../../src/constructs/monitoring/config/collector-config';
import { monitoringContainers } from '../../../../src/constructs/monitoring/config/containers';
import { MONITORING_FLOWS } from '../../../../src/constructs/monitoring/flows';
import { grafanaDatasources } from '../../../../src/constructs/monitoring/config/grafana-datasources';
import { lokiConfig } from '../../../../src/constructs/monitoring/config/loki-config';
import { prometheusConfig } from '../../../../src/constructs/monitoring/config/prometheus-config';
import { toYaml } from '../../../../src/constructs/monitoring/config/render';
import { tempoConfig } from '../../../../src/constructs/monitoring/config/tempo-config';
import { PropsError } from '../../../../src/core/input-error';
import { expectInputError } from '../../../helpers/input-error';

const endpoints = new MonitoringEndpoints('monitoring.example.internal');
/** Serialize, then parse back: the tests look at the file the container will read. */
const roundTrip = (config: object): any => parse(toYaml(config));

describe('generated prometheus.yml', () => {
  const file = roundTrip(prometheusConfig({ endpoints, environment: 'dev', scrapeTargetsNamespace: 'scrape.example.internal' }));

  test('scrapes itself on localhost and every other service through Cloud Map A records on its metrics port', () => {
    expect(file.global).toEqual({ scrape_interval: '30s', evaluation_interval: '30s', external_labels: { environment: 'dev' } });
    expect(file.scrape_configs[0]).toEqual({ job_name: 'prometheus', metrics_path: '/metrics', static_configs: [{ targets: ['localhost:9090'] }] });
    expect(file.scrape_configs.slice(1, -1)).toEqual([
      { job_name: 'loki', metrics_path: '/metrics', dns_sd_configs: [{ names: ['loki.monitoring.example.internal'], type: 'A', port: 3100, refresh_interval: '30s' }] },
      { job_name: 'tempo', metrics_path: '/metrics', dns_sd_configs: [{ names: ['tempo.monitoring.example.internal'], type: 'A', port: 3200, refresh_interval: '30s' }] },
      { job_name: 'grafana', metrics_path: '/metrics', dns_sd_configs: [{ names: ['grafana.monitoring.example.internal'], type: 'A', port: 3000, refresh_interval: '30s' }] },
      { job_name: 'otel-collector', metrics_path: '/metrics', dns_sd_configs: [{ names: ['otel-collector.monitoring.example.internal'], type: 'A', port: 8888, refresh_interval: '30s' }] },
    ]);
  });

  /** Prometheus's relabeling of one target: anchored regex on the joined source labels, then the replacement. */
  const relabel = (rules: any[], labels: Record<string, string>): Record<string, string> => {
    const out = { ...labels };
    for (const rule of rules) {
      const value = rule.source_labels.map((l: string) => out[l] ?? '').join(rule.separator ?? ';');
      const match = new RegExp(`^(?:${rule.regex})$`).exec(value);
      if (match) out[rule.target_label] = rule.replacement.replace(/\$(\d+)/g, (_: string, i: string) => match[Number(i)] ?? '');
    }
    return out;
  };

  test('one applications job finds every opted-in task through the SRV name of each metrics path', () => {
    const jobs = file.scrape_configs.filter((job: any) => job.job_name === 'applications');
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    expect(job.static_configs).toBeUndefined();
    // SRV answers carry the port of each task: a fixed port would be wrong for all but one service.
    expect(job.dns_sd_configs).toEqual([{ names: ['metrics.scrape.example.internal', 'actuator-prometheus.scrape.example.internal'], type: 'SRV', refresh_interval: '30s' }]);
  });

  test('a target gets the metrics path of the name it was found under, and nothing else changes it', () => {
    const job = file.scrape_configs.find((j: any) => j.job_name === 'applications');
    const target = (name: string) => ({ __address__: `0123abcd.${name}:9464`, __meta_dns_name: name, __metrics_path__: job.metrics_path });
    expect(relabel(job.relabel_configs, target('metrics.scrape.example.internal')).__metrics_path__).toBe('/metrics');
    expect(relabel(job.relabel_configs, target('actuator-prometheus.scrape.example.internal')).__metrics_path__).toBe('/actuator/prometheus');
    // Dots are literal: a look-alike name does not match a rule.
    expect(relabel(job.relabel_configs, target('actuator-prometheusXscrape.example.internal')).__metrics_path__).toBe('/metrics');
    expect(relabel(job.relabel_configs, target('actuator-prometheus.scrape.example.internal'))).toMatchObject({ __address__: '0123abcd.actuator-prometheus.scrape.example.internal:9464' });
  });
});

describe('generated loki.yaml', () => {
  test('stores TSDB index and chunks under the data path and lets the compactor apply retention', () => {
    const file = roundTrip(lokiConfig({ httpPort: 3100, grpcPort: 9096, dataPath: '/loki/data', retentionInDays: 14 }));
    expect(file.server).toEqual({ http_listen_port: 3100, grpc_listen_port: 9096, log_level: 'info' });
    expect(file.common.storage.filesystem).toEqual({ chunks_directory: '/loki/data/chunks', rules_directory: '/loki/data/rules' });
    expect(file.schema_config.configs).toEqual([{ from: '2024-01-01', store: 'tsdb', object_store: 'filesystem', schema: 'v13', index: { prefix: 'index_', period: '24h' } }]);
    expect(file.limits_config).toEqual({ retention_period: '336h', allow_structured_metadata: true });
    expect(file.compactor).toEqual({ working_directory: '/loki/data/compactor', retention_enabled: true, delete_request_store: 'filesystem' });
    expect(file.auth_enabled).toBe(false);
  });
});

describe('generated tempo.yaml', () => {
  test('receives OTLP gRPC on all interfaces and keeps blocks and WAL under the data path', () => {
    const file = roundTrip(tempoConfig({ httpPort: 3200, otlpGrpcPort: 4317, dataPath: '/var/tempo/data', retentionInDays: 7 }));
    expect(file.server.http_listen_port).toBe(3200);
    expect(file.distributor.receivers.otlp.protocols).toEqual({ grpc: { endpoint: '0.0.0.0:4317' } });
    expect(file.storage.trace).toEqual({ backend: 'local', wal: { path: '/var/tempo/data/wal' }, local: { path: '/var/tempo/data/blocks' } });
    expect(file.compactor.compaction.block_retention).toBe('168h');
  });
});

describe('generated collector configuration', () => {
  const file = roundTrip(collectorConfig({ endpoints }));

  test('takes OTLP gRPC and HTTP on all interfaces', () => {
    expect(file.receivers.otlp.protocols).toEqual({ grpc: { endpoint: '0.0.0.0:4317' }, http: { endpoint: '0.0.0.0:4318' } });
  });

  test('sends logs to Loki, traces to Tempo and metrics to Prometheus, each pipeline using only defined components', () => {
    expect(file.service.pipelines).toEqual({
      logs: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['otlphttp/loki'] },
      traces: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['otlp/tempo'] },
      metrics: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['prometheusremotewrite'] },
    });
    for (const pipeline of Object.values<any>(file.service.pipelines)) {
      for (const r of pipeline.receivers) expect(Object.keys(file.receivers)).toContain(r);
      for (const p of pipeline.processors) expect(Object.keys(file.processors)).toContain(p);
      for (const e of pipeline.exporters) expect(Object.keys(file.exporters)).toContain(e);
    }
    expect(file.exporters['otlphttp/loki'].endpoint).toBe('http://loki.monitoring.example.internal:3100/otlp');
    expect(file.exporters['otlp/tempo']).toEqual({ endpoint: 'tempo.monitoring.example.internal:4317', tls: { insecure: true } });
    expect(file.exporters.prometheusremotewrite.endpoint).toBe('http://prometheus.monitoring.example.internal:9090/api/v1/write');
  });

  test('serves its own metrics on the port Prometheus scrapes', () => {
    expect(file.service.telemetry.metrics.readers).toEqual([{ pull: { exporter: { prometheus: { host: '0.0.0.0', port: MONITORING_SERVICES.collector.metricsPort } } } }]);
  });
});

describe('generated grafana data sources', () => {
  test('provisions Prometheus (default), Loki and Tempo with stable uids, Tempo linked to the other two', () => {
    const file = roundTrip(grafanaDatasources({ endpoints }));
    expect(file.apiVersion).toBe(1);
    expect(file.datasources.map((d: any) => [d.name, d.type, d.uid, d.url, d.isDefault])).toEqual([
      ['Prometheus', 'prometheus', 'prometheus', 'http://prometheus.monitoring.example.internal:9090', true],
      ['Loki', 'loki', 'loki', 'http://loki.monitoring.example.internal:3100', false],
      ['Tempo', 'tempo', 'tempo', 'http://tempo.monitoring.example.internal:3200', false],
    ]);
    const tempo = file.datasources[2];
    expect(tempo.jsonData.tracesToLogsV2.datasourceUid).toBe('loki');
    expect(tempo.jsonData.serviceMap.datasourceUid).toBe('prometheus');
  });
});

describe('monitoring endpoints', () => {
  test('rejects a port the service does not listen on', () => {
    expectInputError(PropsError, () => endpoints.url('loki', PORTS.otlpGrpc), 'monitoring service loki: port = 4317 is not a port it listens on. Fix: use one of 3100');
  });
});

describe('monitoring flows', () => {
  test('each flow targets a port its service listens on, and Prometheus can scrape every other service', () => {
    for (const flow of MONITORING_FLOWS) {
      const spec = MONITORING_SERVICES[flow.to];
      expect({ flow: flow.id, listens: [spec.port, ...spec.extraPorts].includes(flow.port) }).toEqual({ flow: flow.id, listens: true });
    }
    const scraped = MONITORING_FLOWS.filter((f) => f.from === 'prometheus')
      .map((f) => f.to)
      .sort();
    expect(scraped).toEqual(MONITORING_SERVICE_KEYS.filter((k) => k !== 'prometheus').sort());
  });
});

describe('monitoring container launches', () => {
  const launches = monitoringContainers({
    endpoints,
    environment: 'dev',
    scrapeTargetsNamespace: 'scrape.example.internal',
    retention: { metricsInDays: 15, logsInDays: 14, tracesInDays: 7 },
    grafanaUrl: 'https://grafana.example.com/',
    prometheusUrl: 'https://prometheus.example.com/',
    grafanaDefaultRole: 'Viewer',
  });

  test('shell images write the YAML they receive to the file their server is started with', () => {
    const cases = [
      ['prometheus', 'PROMETHEUS_CONFIG', '/prometheus/config/prometheus.yml', 'exec /bin/prometheus --config.file=/prometheus/config/prometheus.yml'],
      ['loki', 'LOKI_CONFIG', '/loki/config/loki.yaml', 'exec /usr/bin/loki -config.file=/loki/config/loki.yaml'],
      ['tempo', 'TEMPO_CONFIG', '/var/tempo/config/tempo.yaml', 'exec /tempo -config.file=/var/tempo/config/tempo.yaml'],
    ] as const;
    for (const [key, variable, path, exec] of cases) {
      const launch = launches[key];
      expect(launch.entryPoint).toEqual(['/bin/sh', '-c']);
      expect(launch.command[0]).toContain(`printf '%s\\n' "$${variable}" > ${path} && ${exec}`);
      expect(parse(launch.environment[variable])).toEqual(expect.any(Object));
      // the file lives on the service's EFS mount, the only writable path of a read-only root
      expect(path.startsWith(`${MONITORING_SERVICES[key].dataPath}/`)).toBe(true);
    }
    expect(launches.prometheus.command[0]).toContain('--web.enable-remote-write-receiver');
    expect(launches.prometheus.command[0]).toContain('--storage.tsdb.retention.time=15d');
  });

  test('grafana writes its data sources into its provisioning directory and trusts only the ALB login header', () => {
    const { environment, command } = launches.grafana;
    expect(command[0]).toContain(`> ${environment.GF_PATHS_PROVISIONING}/datasources/atlas.yaml && exec /run.sh`);
    expect(environment).toEqual(
      expect.objectContaining({
        GF_AUTH_PROXY_ENABLED: 'true',
        GF_AUTH_PROXY_HEADER_NAME: 'X-Amzn-Oidc-Identity',
        GF_USERS_AUTO_ASSIGN_ORG_ROLE: 'Viewer',
        GF_AUTH_DISABLE_LOGIN_FORM: 'true',
        GF_AUTH_BASIC_ENABLED: 'false',
        GF_SERVER_ROOT_URL: 'https://grafana.example.com/',
      }),
    );
  });

  test('the distroless collector keeps its entry point and reads the configuration from the environment', () => {
    expect(launches.collector.entryPoint).toBeUndefined();
    expect(launches.collector.command).toEqual(['--config=env:OTELCOL_CONFIG']);
    expect(parse(launches.collector.environment.OTELCOL_CONFIG).service.pipelines.traces.exporters).toEqual(['otlp/tempo']);
  });

  test('no launch carries a Terraform interpolation sequence', () => {
    const text = JSON.stringify(launches);
    expect(text).not.toContain('${');
  });
});
