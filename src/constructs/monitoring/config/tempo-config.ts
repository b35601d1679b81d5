/** Tempo monolithic configuration: OTLP in, blocks and WAL on the EFS volume. */

export interface TempoConfig {
  readonly server: { readonly http_listen_port: number };
  readonly distributor: { readonly receivers: { readonly otlp: { readonly protocols: { readonly grpc: { readonly endpoint: string } } } } };
  readonly ingester: { readonly max_block_duration: string };
  readonly compactor: { readonly compaction: { readonly block_retention: string } };
  readonly storage: {
    readonly trace: { readonly backend: 'local'; readonly wal: { readonly path: string }; readonly local: { readonly path: string } };
  };
  readonly usage_report: { readonly reporting_enabled: boolean };
}

export interface TempoConfigInput {
  readonly httpPort: number;
  readonly otlpGrpcPort: number;
  /** The EFS mount point. */
  readonly dataPath: string;
  readonly retentionInDays: number;
}

export function tempoConfig(input: TempoConfigInput): TempoConfig {
  return {
    server: { http_listen_port: input.httpPort },
    // Explicit 0.0.0.0: recent receivers default to localhost, unreachable from the collector task.
    distributor: { receivers: { otlp: { protocols: { grpc: { endpoint: `0.0.0.0:${input.otlpGrpcPort}` } } } } },
    ingester: { max_block_duration: '5m' },
    compactor: { compaction: { block_retention: `${input.retentionInDays * 24}h` } },
    storage: { trace: { backend: 'local', wal: { path: `${input.dataPath}/wal` }, local: { path: `${input.dataPath}/blocks` } } },
    usage_report: { reporting_enabled: false },
  };
}
