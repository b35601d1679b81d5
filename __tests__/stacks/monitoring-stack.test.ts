import { Testing } from 'cdktf';
import { parse } from 'yaml';
import { MonitoringStack } from '../../stacks/monitoring-stack';
import { loadEnvironment } from '../../src/config/load';
import { decodeContainerDefinitions, environmentValue, type ContainerDefinition } from '../helpers/container-definitions';
import { APPLICATIONS_JOB } from '../../src/constructs/monitoring/config/prometheus-config';

type Resources = Record<string, Record<string, Record<string, any>>>;

function synthMonitoring(envName = 'staging'): { resources: Resources; json: any } {
  const app = Testing.app();
  const stack = new MonitoringStack(app, `monitoring-${envName}`, { env: loadEnvironment(envName) });
  const json = JSON.parse(Testing.synth(stack));
  return { resources: json.resource, json };
}

/** `${aws_x.y.attr}` -> `aws_x.y` */
const refOf = (value: string) => /^\$\{([a-z0-9_]+\.[a-z0-9_]+)\.[a-z_]+\}$/.exec(value)?.[1];

/**
 * The deployed topology as the synthesized JSON states it: for each Cloud Map name, the ECS
 * service registered under it, its container, and its own security group.
 */
function topology(resources: Resources) {
  const namespace = resources.aws_service_discovery_private_dns_namespace.discovery_namespace.name as string;
  const byHost = new Map<string, { container: ContainerDefinition; securityGroup: string }>();
  for (const service of Object.values(resources.aws_ecs_service)) {
    const registry = refOf(service.service_registries.registry_arn)!.split('.')[1];
    const host = `${resources.aws_service_discovery_service[registry].name}.${namespace}`;
    const task = resources.aws_ecs_task_definition[refOf(service.task_definition)!.split('.')[1]];
    const ownGroup = service.network_configuration.security_groups.map(refOf).find((ref: string | undefined) => ref?.startsWith('aws_security_group.'));
    byHost.set(host, { container: decodeContainerDefinitions(task.container_definitions)[0], securityGroup: ownGroup });
  }
  return { namespace, byHost };
}

function configOf(resources: Resources, task: string, variable: string): any {
  return parse(environmentValue(decodeContainerDefinitions(resources.aws_ecs_task_definition[task].container_definitions), variable));
}

/** Every (client, host, port) the generated configuration files point at. */
function configuredEndpoints(resources: Resources) {
  const prometheus = configOf(resources, 'prometheus_task', 'PROMETHEUS_CONFIG');
  const collector = configOf(resources, 'collector_task', 'OTELCOL_CONFIG');
  const grafana = configOf(resources, 'grafana_task', 'GRAFANA_DATASOURCES');
  const hostPort = (address: string) => {
    const url = new URL(address.includes('://') ? address : `grpc://${address}`);
    return { host: url.hostname, port: Number(url.port) };
  };
  return [
    // The applications job asks Layer 1's scrape-targets names (application-scraping.test.ts checks those).
    ...prometheus.scrape_configs
      .filter((job: any) => job.job_name !== APPLICATIONS_JOB)
      .flatMap((job: any) => (job.dns_sd_configs ?? []).map((sd: any) => ({ client: 'prometheus', host: sd.names[0], port: sd.port }))),
    ...Object.values(collector.exporters).map((exporter: any) => ({ client: 'collector', ...hostPort(exporter.endpoint) })),
    ...grafana.datasources.map((source: any) => ({ client: 'grafana', ...hostPort(source.url) })),
  ];
}

describe('monitoring stack', () => {
  const { resources, json } = synthMonitoring();

  test('runs five ECS services with pinned official images and no image variables', () => {
    // GIVEN the staging monitoring stack  WHEN synthesized
    const images = Object.values(resources.aws_ecs_task_definition)
      .map((task) => decodeContainerDefinitions(task.container_definitions)[0].image)
      .sort();
    // THEN every image is an explicit tag of an official repository
    expect(images).toEqual(['grafana/grafana:11.3.1', 'grafana/loki:3.1.1', 'grafana/tempo:2.6.1', 'otel/opentelemetry-collector-contrib:0.114.0', 'prom/prometheus:v2.55.1']);
    expect(json.variable).toBeUndefined();
  });

  test('every endpoint in the generated configuration files is a defined service, port and allowed flow', () => {
    // GIVEN the synthesized topology and the YAML the containers receive
    const { namespace, byHost } = topology(resources);
    const endpoints = configuredEndpoints(resources);
    const clientGroup = (client: string) => `aws_security_group.${client}_security_group`;
    const rules = Object.values(resources.aws_vpc_security_group_ingress_rule);
    // THEN there are endpoints from all three clients, each resolving to a registered service
    expect(new Set(endpoints.map((e) => e.client))).toEqual(new Set(['prometheus', 'collector', 'grafana']));
    expect(endpoints.length).toBe(4 + 3 + 3);
    for (const endpoint of endpoints) {
      expect(endpoint.host.endsWith(`.${namespace}`)).toBe(true);
      const target = byHost.get(endpoint.host);
      expect({ endpoint, registered: target !== undefined }).toEqual({ endpoint, registered: true });
      // the container listens on that port
      expect(target!.container.portMappings.map((p) => p.containerPort)).toContain(endpoint.port);
      // and the target's security group admits the client on that port
      const allowed = rules.some(
        (rule) => refOf(rule.security_group_id) === target!.securityGroup && refOf(rule.referenced_security_group_id ?? '') === clientGroup(endpoint.client) && rule.from_port === endpoint.port,
      );
      expect({ endpoint, allowed }).toEqual({ endpoint, allowed: true });
    }
  });

  test('security groups carry no inline ingress, so the separate rules are not stripped', () => {
    for (const group of Object.values(resources.aws_security_group)) expect(group.ingress).toBeUndefined();
  });

  test('ingress is exactly the needed flows, each described, none from the internet', () => {
    const rules = Object.entries(resources.aws_vpc_security_group_ingress_rule);
    expect(rules.map(([id]) => id).sort()).toEqual([
      'flows_apps_to_collector_otlp_grpc',
      'flows_apps_to_collector_otlp_http',
      'flows_collector_to_loki',
      'flows_collector_to_prometheus',
      'flows_collector_to_tempo',
      'flows_grafana_to_loki',
      'flows_grafana_to_prometheus',
      'flows_grafana_to_tempo',
      'flows_prometheus_scrapes_collector',
      'flows_prometheus_scrapes_grafana',
      'flows_prometheus_scrapes_loki',
      'flows_prometheus_scrapes_tempo',
      'grafana_ingress_from_alb',
      'prometheus_ingress_from_alb',
    ]);
    for (const [, rule] of rules) {
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.cidr_ipv4 === undefined || rule.cidr_ipv4 === '${data.aws_ssm_parameter.platform_vpc_cidr.insecure_value}').toBe(true);
    }
  });

  test('stateful services mount their own EFS access point with TLS and IAM, and attach the EFS client group', () => {
    const points = resources.aws_efs_access_point;
    expect(Object.keys(points).sort()).toEqual(['grafana_data', 'loki_data', 'prometheus_data', 'tempo_data']);
    expect(points.prometheus_data.posix_user).toEqual({ uid: 65534, gid: 65534 });
    expect(points.grafana_data.root_directory).toEqual({ path: '/monitoring/grafana', creation_info: { owner_uid: 472, owner_gid: 0, permissions: '0750' } });
    for (const key of ['prometheus', 'loki', 'tempo', 'grafana']) {
      const task = resources.aws_ecs_task_definition[`${key}_task`];
      expect(task.volume).toEqual([
        expect.objectContaining({
          efs_volume_configuration: expect.objectContaining({ transit_encryption: 'ENABLED', authorization_config: { access_point_id: `\${aws_efs_access_point.${key}_data.id}`, iam: 'ENABLED' } }),
        }),
      ]);
      expect(resources.aws_ecs_service[`${key}_service`].network_configuration.security_groups).toContain('${data.aws_ssm_parameter.platform_efs_client_security_group_id.insecure_value}');
      expect(resources.aws_ecs_service[`${key}_service`].deployment_minimum_healthy_percent).toBe(0);
    }
    expect(resources.aws_ecs_service.collector_service.network_configuration.security_groups).toHaveLength(1);
  });

  test('grafana and prometheus are public only behind a Cognito login, with alias records', () => {
    for (const [key, host, priority] of [
      ['grafana', 'grafana.hari328.net', 200],
      ['prometheus', 'prometheus.hari328.net', 210],
    ] as const) {
      const rule = resources.aws_lb_listener_rule[`${key}_route_host_rule`];
      expect(rule.priority).toBe(priority);
      expect(rule.condition).toEqual([{ host_header: { values: [host] } }]);
      expect(rule.action[0]).toEqual({
        type: 'authenticate-cognito',
        order: 1,
        authenticate_cognito: {
          on_unauthenticated_request: 'authenticate',
          user_pool_arn: '${data.aws_ssm_parameter.platform_cognito_user_pool_arn.insecure_value}',
          user_pool_client_id: '${data.aws_ssm_parameter.platform_cognito_user_pool_client_id.insecure_value}',
          user_pool_domain: '${data.aws_ssm_parameter.platform_cognito_user_pool_domain.insecure_value}',
        },
      });
      expect(resources.aws_route53_record[`${key}_route_dns_record`]).toEqual(expect.objectContaining({ name: host, type: 'A' }));
    }
    expect(Object.keys(resources.aws_lb_listener_rule)).toHaveLength(2);
  });

  test('log groups keep the environment retention and every alarm notifies the operator topic', () => {
    for (const group of Object.values(resources.aws_cloudwatch_log_group)) expect(group.retention_in_days).toBe(14);
    const alarms = Object.values(resources.aws_cloudwatch_metric_alarm);
    expect(alarms).toHaveLength(5 * 2 + 2 + 5);
    for (const alarm of alarms) expect(alarm.alarm_actions).toEqual(['${data.aws_ssm_parameter.platform_operator_topic_arn.insecure_value}']);
  });

  test('only grafana runs with a writable root file system', () => {
    const writable = Object.entries(resources.aws_ecs_task_definition)
      .filter(([, task]) => !decodeContainerDefinitions(task.container_definitions)[0].readonlyRootFilesystem)
      .map(([id]) => id);
    expect(writable).toEqual(['grafana_task']);
  });

  test('prod uses its own hostnames, namespace and retention', () => {
    const prod = synthMonitoring('prod').resources;
    expect(prod.aws_service_discovery_private_dns_namespace.discovery_namespace.name).toBe('monitoring.atlas-prod.internal');
    expect(prod.aws_lb_listener_rule.grafana_route_host_rule.condition).toEqual([{ host_header: { values: ['grafana.atlas.hari328.net'] } }]);
    const loki = configOf(prod, 'loki_task', 'LOKI_CONFIG');
    expect(loki.limits_config.retention_period).toBe(`${30 * 24}h`);
  });
});
