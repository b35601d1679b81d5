/**
 * The Atlas services find the collector by name alone (no reference to the monitoring stack):
 * the endpoint they are given must be the one the monitoring stack of the same environment serves.
 */
import { decodeContainerDefinitions, environmentValue } from '../helpers/container-definitions';
import { platformStacks, resource, synthJson } from '../helpers/synth';

const { stacks, envs } = platformStacks();

describe.each(envs.map((env) => [env.name, env] as const))('telemetry wiring in %s', (name, env) => {
  const atlas = synthJson(stacks.atlas[name]);
  const monitoring = synthJson(stacks.monitoring[name]);

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
