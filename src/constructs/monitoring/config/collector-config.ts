/** OpenTelemetry collector pipelines: OTLP gRPC/HTTP in; logs to Loki, traces to Tempo, metrics to Prometheus. */
import { PORTS, type MonitoringEndpoints } from '../catalog';

type Pipeline = { readonly receivers: string[]; readonly processors: string[]; readonly exporters: string[] };

export interface CollectorConfig {
  readonly receivers: { readonly otlp: { readonly protocols: { readonly grpc: { endpoint: string }; readonly http: { endpoint: string } } } };
  readonly processors: {
    readonly memory_limiter: { check_interval: string; limit_percentage: number; spike_limit_percentage: number };
    readonly batch: Record<string, never>;
  };
  readonly exporters: {
    readonly 'otlphttp/loki': { endpoint: string };
    readonly 'otlp/tempo': { endpoint: string; tls: { insecure: boolean } };
    readonly prometheusremotewrite: { endpoint: string; resource_to_telemetry_conversion: { enabled: boolean } };
  };
  readonly service: {
    readonly telemetry: { readonly metrics: { readonly readers: { pull: { exporter: { prometheus: { host: string; port: number } } } }[] } };
    readonly pipelines: { readonly logs: Pipeline; readonly traces: Pipeline; readonly metrics: Pipeline };
  };
}

export function collectorConfig(input: { readonly endpoints: MonitoringEndpoints }): CollectorConfig {
  const { endpoints } = input;
  const processors = ['memory_limiter', 'batch'];
  return {
    // 0.0.0.0: the receivers' default (localhost) would refuse every other task.
    receivers: { otlp: { protocols: { grpc: { endpoint: `0.0.0.0:${PORTS.otlpGrpc}` }, http: { endpoint: `0.0.0.0:${PORTS.otlpHttp}` } } } },
    processors: { memory_limiter: { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 20 }, batch: {} },
    exporters: {
      // Loki 3 ingests OTLP natively under /otlp (the old `loki` exporter is deprecated).
      'otlphttp/loki': { endpoint: endpoints.url('loki', PORTS.lokiHttp, '/otlp') },
      // Plain gRPC inside the VPC: Tempo's receiver has no TLS certificate.
      'otlp/tempo': { endpoint: endpoints.address('tempo', PORTS.otlpGrpc), tls: { insecure: true } },
      prometheusremotewrite: {
        endpoint: endpoints.url('prometheus', PORTS.prometheusHttp, '/api/v1/write'),
        resource_to_telemetry_conversion: { enabled: true },
      },
    },
    service: {
      telemetry: { metrics: { readers: [{ pull: { exporter: { prometheus: { host: '0.0.0.0', port: PORTS.collectorMetrics } } } }] } },
      pipelines: {
        logs: { receivers: ['otlp'], processors, exporters: ['otlphttp/loki'] },
        traces: { receivers: ['otlp'], processors, exporters: ['otlp/tempo'] },
        metrics: { receivers: ['otlp'], processors, exporters: ['prometheusremotewrite'] },
      },
    },
  };
}
