/** Grafana data-source provisioning: Prometheus (default), Loki and Tempo, linked to each other. */
import { PORTS, type MonitoringEndpoints } from '../catalog';

export interface GrafanaDatasource {
  readonly name: string;
  readonly type: 'prometheus' | 'loki' | 'tempo';
  readonly uid: string;
  readonly access: 'proxy';
  readonly url: string;
  readonly isDefault: boolean;
  readonly editable: boolean;
  readonly jsonData?: Record<string, unknown>;
}

export interface GrafanaDatasources {
  readonly apiVersion: 1;
  readonly datasources: GrafanaDatasource[];
}

/** Stable uids: dashboards and the Tempo links refer to data sources by uid. */
export const DATASOURCE_UIDS = { prometheus: 'prometheus', loki: 'loki', tempo: 'tempo' } as const;

export function grafanaDatasources(input: { readonly endpoints: MonitoringEndpoints }): GrafanaDatasources {
  const { endpoints } = input;
  const common = { access: 'proxy' as const, editable: false };
  return {
    apiVersion: 1,
    datasources: [
      { ...common, name: 'Prometheus', type: 'prometheus', uid: DATASOURCE_UIDS.prometheus, url: endpoints.url('prometheus', PORTS.prometheusHttp), isDefault: true },
      { ...common, name: 'Loki', type: 'loki', uid: DATASOURCE_UIDS.loki, url: endpoints.url('loki', PORTS.lokiHttp), isDefault: false },
      {
        ...common,
        name: 'Tempo',
        type: 'tempo',
        uid: DATASOURCE_UIDS.tempo,
        url: endpoints.url('tempo', PORTS.tempoHttp),
        isDefault: false,
        jsonData: {
          tracesToLogsV2: { datasourceUid: DATASOURCE_UIDS.loki },
          serviceMap: { datasourceUid: DATASOURCE_UIDS.prometheus },
          nodeGraph: { enabled: true },
        },
      },
    ],
  };
}
