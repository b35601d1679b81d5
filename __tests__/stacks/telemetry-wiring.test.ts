/**
 * The Atlas services find the collector by name alone (no reference to the monitoring stack):
 * the endpoint they are given must be the one the monitoring stack of the same environment serves.
 */
import { Testing } from 'cdktf';
import { loadEnvironments } from '../../src/config/load';
import { AtlasStack } from '../../stacks/atlas-stack';
import { MonitoringStack } from '../../stacks/monitoring-stack';
import { decodeContainerDefinitions, environmentValue } from '../helpers/container-definitions';
import { resource, synthJson } from '../helpers/synth';

describe.each(loadEnvironments().map((env) => [env.name, env] as const))('telemetry wiring in %s', (name, env) => {
  const app = Testing.app();
  const atlas = synthJson(new AtlasStack(app, `atlas-${name}`, { env }));
  const monitoring = synthJson(new MonitoringStack(app, `monitoring-${name}`, { env }));

  it.each([
    ['events_ingestion_task', 'events-ingestion'],
    ['dashboard_backend_task', 'dashboard-backend'],
  ])('%s sends OTLP to the collector its environment runs, under its own service name', (task, serviceName) => {
    const definitions = decodeContainerDefinitions(resource(atlas, 'aws_ecs_task_definition', task).container_definitions);
    expect(environmentValue(definitions, 'OTEL_EXPORTER_OTLP_ENDPOINT')).toBe(monitoring.output.otlp_http_endpoint.value);
    expect(environmentValue(definitions, 'OTEL_EXPORTER_OTLP_PROTOCOL')).toBe('http/protobuf');
    expect(environmentValue(definitions, 'OTEL_SERVICE_NAME')).toBe(serviceName);
    expect(environmentValue(definitions, 'OTEL_RESOURCE_ATTRIBUTES')).toBe(`deployment.environment=${env.environment}`);
  });
});
