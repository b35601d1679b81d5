/** Loki single-binary configuration: TSDB index and chunks on the EFS volume, retention by the compactor. */

export interface LokiConfig {
  readonly auth_enabled: boolean;
  readonly server: { readonly http_listen_port: number; readonly grpc_listen_port: number; readonly log_level: string };
  readonly common: {
    readonly instance_addr: string;
    readonly path_prefix: string;
    readonly replication_factor: number;
    readonly storage: { readonly filesystem: { readonly chunks_directory: string; readonly rules_directory: string } };
    readonly ring: { readonly kvstore: { readonly store: 'inmemory' } };
  };
  readonly schema_config: {
    readonly configs: { from: string; store: 'tsdb'; object_store: 'filesystem'; schema: 'v13'; index: { prefix: string; period: '24h' } }[];
  };
  readonly limits_config: { readonly retention_period: string; readonly allow_structured_metadata: boolean };
  readonly compactor: {
    readonly working_directory: string;
    readonly retention_enabled: boolean;
    readonly delete_request_store: 'filesystem';
  };
  readonly analytics: { readonly reporting_enabled: boolean };
}

export interface LokiConfigInput {
  readonly httpPort: number;
  readonly grpcPort: number;
  /** The EFS mount point. */
  readonly dataPath: string;
  readonly retentionInDays: number;
}

/** One instance, no ring peers: `inmemory` ring and replication 1 (the service runs one task). */
export function lokiConfig(input: LokiConfigInput): LokiConfig {
  const root = input.dataPath;
  return {
    auth_enabled: false,
    server: { http_listen_port: input.httpPort, grpc_listen_port: input.grpcPort, log_level: 'info' },
    common: {
      instance_addr: '127.0.0.1',
      path_prefix: root,
      replication_factor: 1,
      storage: { filesystem: { chunks_directory: `${root}/chunks`, rules_directory: `${root}/rules` } },
      ring: { kvstore: { store: 'inmemory' } },
    },
    // Schema v13 with TSDB is what Loki 3 requires for structured metadata (OTLP ingestion).
    schema_config: { configs: [{ from: '2024-01-01', store: 'tsdb', object_store: 'filesystem', schema: 'v13', index: { prefix: 'index_', period: '24h' } }] },
    limits_config: { retention_period: `${input.retentionInDays * 24}h`, allow_structured_metadata: true },
    compactor: { working_directory: `${root}/compactor`, retention_enabled: true, delete_request_store: 'filesystem' },
    analytics: { reporting_enabled: false },
  };
}
