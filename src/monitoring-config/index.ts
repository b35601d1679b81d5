export * from './catalog';
export * from './collector-config';
export * from './grafana-datasources';
export * from './loki-config';
export * from './prometheus-config';
export * from './render';
export * from './tempo-config';
