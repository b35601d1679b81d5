import { Testing } from 'cdktf';
import { PlatformParameters } from '../../../src/constructs/platform/platform-parameters';
import { TenantService, type TenantServiceProps } from '../../../src/constructs/service/tenant-service';
import { Names } from '../../../src/core/naming';
import { PlatformStack } from '../../../src/core/platform-stack';
import { dataSources, type Json, resources, synthJson } from '../../helpers/synth';

const ssmValue = (key: string) => `\${data.aws_ssm_parameter.platform_${key}.insecure_value}`;

function tenantJson(overrides: Partial<TenantServiceProps> = {}): Json {
  const stack = new PlatformStack(Testing.app(), 'tenant', {
    region: 'eu-west-1',
    accountId: '111122223333',
    tags: { environment: 'dev', layer: 'tenant', repository: 'test' },
  });
  new TenantService(stack, 'api', {
    names: new Names('poc-atlas-dev'),
    platform: new PlatformParameters(stack, 'platform', { prefix: '/infra' }),
    serviceName: 'api',
    containerPort: 3000,
    logRetentionInDays: 14,
    ...overrides,
  });
  return synthJson(stack);
}

const service = (json: Json) => Object.values(resources(json, 'aws_ecs_service'))[0];
const task = (json: Json) => Object.values(resources(json, 'aws_ecs_task_definition'))[0];
const ingress = (json: Json) => Object.values(resources(json, 'aws_vpc_security_group_ingress_rule'));

describe('TenantService metrics endpoint', () => {
  test('without metrics nothing registers and no scraper may reach the tasks', () => {
    const json = tenantJson();
    expect(service(json).service_registries).toBeUndefined();
    expect(ingress(json)).toEqual([]);
    expect(Object.keys(dataSources(json, 'aws_ssm_parameter')).filter((k) => /registry|scraper/.test(k))).toEqual([]);
  });

  test('tasks register in the Cloud Map service of their path, whose ARN comes from the contract', () => {
    const json = tenantJson({ metrics: { port: 9464, path: '/actuator/prometheus' } });
    expect(dataSources(json, 'aws_ssm_parameter').platform_actuator_prometheus_registry_arn.name).toBe('/infra/actuator-prometheus-registry-arn');
    // containerName + containerPort: the SRV record carries the metrics port of each task.
    expect(service(json).service_registries).toEqual({ registry_arn: ssmValue('actuator_prometheus_registry_arn'), container_name: 'api', container_port: 9464 });
  });

  test('the path defaults to /metrics', () => {
    const json = tenantJson({ metrics: { port: 9464 } });
    expect(service(json).service_registries.registry_arn).toBe(ssmValue('metrics_registry_arn'));
    expect(dataSources(json, 'aws_ssm_parameter').platform_metrics_registry_arn.name).toBe('/infra/metrics-registry-arn');
  });

  test('the service admits the metrics-scraper group on the metrics port only', () => {
    const json = tenantJson({ metrics: { port: 9464 } });
    expect(ingress(json)).toEqual([
      expect.objectContaining({
        ip_protocol: 'tcp',
        from_port: 9464,
        to_port: 9464,
        referenced_security_group_id: ssmValue('metrics_scraper_security_group_id'),
        security_group_id: '${aws_security_group.api_security_group.id}',
      }),
    ]);
  });

  test('a separate metrics port becomes a port of the container; the container port is not repeated', () => {
    const ports = (json: Json) => [...String(task(json).container_definitions).matchAll(/"containerPort" = (\d+)/g)].map((m) => Number(m[1]));
    expect(ports(tenantJson({ metrics: { port: 9464 } }))).toEqual([3000, 9464]);
    expect(ports(tenantJson({ metrics: { port: 3000 } }))).toEqual([3000]);
    expect(ports(tenantJson({ extraPorts: [9464], metrics: { port: 9464 } }))).toEqual([3000, 9464]);
  });

  test.each([
    [{ metrics: { port: 0 } }, 'metrics.port = 0 is not a TCP port'],
    [{ metrics: { port: 9464, path: '/stats' as never } }, 'metrics.path = "/stats" has no discovery name'],
    [{ metrics: { port: 9464 }, serviceRegistryArn: 'arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-1' }, 'metrics and serviceRegistryArn are both set'],
    [{ metrics: { port: 9464 }, desiredCount: 9 }, 'desiredCount = 9 with metrics set'],
  ] as [Partial<TenantServiceProps>, string][])('refuses %j', (overrides, message) => {
    expect(() => tenantJson(overrides)).toThrow(message);
  });

  test('eight tasks are still all in one DNS answer', () => {
    expect(() => tenantJson({ metrics: { port: 9464 }, desiredCount: 8 })).not.toThrow();
  });
});
