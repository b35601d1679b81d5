/**
 * Application scraping across the layers of one environment: base-infra creates the discovery
 * names and the scraper group and writes both to the contract, the monitoring stack's Prometheus
 * wears the group and asks exactly those names, and the Atlas services that opt in register there.
 */
import { parse } from 'yaml';
import { Testing } from 'cdktf';
import { loadEnvironments } from '../../src/config/load';
import { AtlasStack } from '../../stacks/atlas-stack';
import { BaseInfraStack } from '../../stacks/base-infra-stack';
import { MonitoringStack } from '../../stacks/monitoring-stack';
import { decodeContainerDefinitions, environmentValue } from '../helpers/container-definitions';
import { dataSources, resource, resources, synthJson } from '../helpers/synth';

describe.each(loadEnvironments().map((env) => [env.name, env] as const))('application scraping in %s', (name, env) => {
  const app = Testing.app();
  const base = synthJson(new BaseInfraStack(app, `base-infra-${name}`, { env }));
  const monitoring = synthJson(new MonitoringStack(app, `monitoring-${name}`, { env }));
  const atlas = synthJson(new AtlasStack(app, `atlas-${name}`, { env }));

  const namespace = resource(base, 'aws_service_discovery_private_dns_namespace', 'scrape_targets_namespace');
  const cloudMapServices = Object.entries(resources(base, 'aws_service_discovery_service')).filter(
    ([, s]) => s.dns_config.namespace_id === '${aws_service_discovery_private_dns_namespace.scrape_targets_namespace.id}',
  );
  const prometheusYml = parse(environmentValue(decodeContainerDefinitions(resource(monitoring, 'aws_ecs_task_definition', 'prometheus_task').container_definitions), 'PROMETHEUS_CONFIG'));
  const applicationsJob = prometheusYml.scrape_configs.find((job: any) => job.job_name === 'applications');

  test('Layer 1 makes one SRV name per metrics path in a namespace of the VPC and writes both contract values', () => {
    expect(namespace.vpc).toBe('${aws_vpc.network.id}');
    expect(cloudMapServices.map(([, s]) => [s.name, s.dns_config.routing_policy, s.dns_config.dns_records]).sort()).toEqual([
      ['actuator-prometheus', 'MULTIVALUE', [{ type: 'SRV', ttl: 10 }]],
      ['metrics', 'MULTIVALUE', [{ type: 'SRV', ttl: 10 }]],
    ]);
    const ssm = Object.values(resources(base, 'aws_ssm_parameter'));
    expect(ssm.find((p) => p.name === `${env.ssmPrefix}/metrics-registry-arn`)?.value).toBe('${aws_service_discovery_service.scrape_targets_metrics.arn}');
    expect(ssm.find((p) => p.name === `${env.ssmPrefix}/actuator-prometheus-registry-arn`)?.value).toBe('${aws_service_discovery_service.scrape_targets_actuator_prometheus.arn}');
    expect(ssm.find((p) => p.name === `${env.ssmPrefix}/metrics-scraper-security-group-id`)?.value).toBe('${aws_security_group.scrape_targets_scraper_security_group.id}');
  });

  test('the scraper group may open TCP connections into the VPC and nowhere else', () => {
    const group = resource(base, 'aws_security_group', 'scrape_targets_scraper_security_group');
    expect(group.egress).toEqual([expect.objectContaining({ protocol: 'tcp', from_port: 0, to_port: 65535, cidr_blocks: [env.network.vpcCidr] })]);
    expect(group.ingress).toBeUndefined();
  });

  test('Prometheus wears the scraper group from the contract and asks exactly the names Layer 1 made', () => {
    const prometheus = resource(monitoring, 'aws_ecs_service', 'prometheus_service');
    expect(prometheus.network_configuration.security_groups).toContain('${data.aws_ssm_parameter.platform_metrics_scraper_security_group_id.insecure_value}');
    for (const key of ['loki', 'tempo', 'grafana', 'collector']) {
      expect(resource(monitoring, 'aws_ecs_service', `${key}_service`).network_configuration.security_groups).not.toContain(
        '${data.aws_ssm_parameter.platform_metrics_scraper_security_group_id.insecure_value}',
      );
    }
    expect(applicationsJob.dns_sd_configs).toHaveLength(1);
    const [sd] = applicationsJob.dns_sd_configs;
    expect({ ...sd, names: [...sd.names].sort() }).toEqual({ names: cloudMapServices.map(([, s]) => `${s.name}.${namespace.name}`).sort(), type: 'SRV', refresh_interval: '30s' });
  });

  test.each([
    ['events_ingestion', env.atlas.services.eventsIngestion.metrics],
    ['dashboard_backend', env.atlas.services.dashboardBackend.metrics],
  ])('%s registers its metrics port in a name Prometheus asks and admits only the scraper group on it', (id, metrics) => {
    expect(metrics).toBeDefined();
    const service = resource(atlas, 'aws_ecs_service', `${id}_service`);
    expect(service.service_registries).toEqual({
      registry_arn: '${data.aws_ssm_parameter.platform_metrics_registry_arn.insecure_value}',
      container_name: id.replace('_', '-'),
      container_port: metrics!.port,
    });
    // The parameter it reads is the one base-infra fills with the /metrics Cloud Map service (the name Prometheus asks).
    const parameter = dataSources(atlas, 'aws_ssm_parameter').platform_metrics_registry_arn.name;
    const written = Object.values(resources(base, 'aws_ssm_parameter')).find((p) => p.name === parameter)?.value;
    const [, writtenService] = /^\$\{aws_service_discovery_service\.(\w+)\.arn\}$/.exec(written) ?? [];
    expect(cloudMapServices.map(([key]) => key)).toContain(writtenService);
    expect(applicationsJob.dns_sd_configs[0].names).toContain(`${resource(base, 'aws_service_discovery_service', writtenService).name}.${namespace.name}`);
    const rule = resource(atlas, 'aws_vpc_security_group_ingress_rule', `${id}_metrics_ingress_from_scrapers`);
    expect(rule).toMatchObject({
      security_group_id: `\${aws_security_group.${id}_security_group.id}`,
      from_port: metrics!.port,
      to_port: metrics!.port,
      referenced_security_group_id: '${data.aws_ssm_parameter.platform_metrics_scraper_security_group_id.insecure_value}',
    });
  });

  test('Kafka UI does not opt in: no registration, no scraper ingress', () => {
    expect(resource(atlas, 'aws_ecs_service', 'kafka_ui_service').service_registries).toBeUndefined();
    expect(Object.keys(resources(atlas, 'aws_vpc_security_group_ingress_rule')).filter((k) => k.startsWith('kafka_ui') && k.includes('scrapers'))).toEqual([]);
  });
});
