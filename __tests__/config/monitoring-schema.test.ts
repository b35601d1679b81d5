import { ConfigError, parseEnvironment } from '../../src/config/load';
import { prod } from '../../src/config/prod';
import { staging } from '../../src/config/staging';

const withMonitoring = (patch: (m: any, env: any) => void) => {
  const env = structuredClone(staging) as any;
  patch(env.monitoring, env);
  return env;
};
const problemsOf = (input: unknown): string[] => {
  try {
    parseEnvironment('staging', input);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
};

describe('monitoring configuration', () => {
  test('accepts the staging and prod values', () => {
    expect(parseEnvironment('staging', staging).monitoring.hostnames.grafana).toBe('grafana.hari328.net');
    expect(parseEnvironment('prod', prod).monitoring.hostnames.prometheus).toBe('prometheus.atlas.hari328.net');
  });

  test('rejects a hostname outside the platform domain', () => {
    const input = withMonitoring((m) => (m.hostnames.grafana = 'grafana.example.org'));
    expect(problemsOf(input)).toEqual(['staging: monitoring.hostnames.grafana = "grafana.example.org" is not under the domain hari328.net. Fix: use grafana.hari328.net']);
  });

  test('rejects a hostname that is not a Cognito callback hostname', () => {
    const input = withMonitoring((m) => (m.hostnames.prometheus = 'metrics.hari328.net'));
    expect(problemsOf(input)).toEqual([
      'staging: monitoring.hostnames.prometheus = "metrics.hari328.net" is not in identity.callbackHostnames, so the Cognito login cannot redirect back to it. Fix: add "metrics.hari328.net" to identity.callbackHostnames',
    ]);
  });

  test('rejects a memory size Fargate does not offer for the CPU', () => {
    const input = withMonitoring((m) => (m.sizes.loki = { cpu: 256, memory: 4096 }));
    expect(problemsOf(input)).toEqual(['staging: monitoring.sizes.loki.memory = 4096 is not offered by Fargate with cpu 256. Fix: use 512-2048 MiB in steps Fargate allows (512, 1024, 2048)']);
  });

  test('rejects a CPU size Fargate does not have', () => {
    const input = withMonitoring((m) => (m.sizes.grafana = { cpu: 300, memory: 512 }));
    expect(problemsOf(input)[0]).toBe('staging: monitoring.sizes.grafana.cpu = 300 is not a Fargate CPU size. Fix: use one of 256, 512, 1024, 2048, 4096');
  });

  test('rejects a zero retention and an unknown role', () => {
    const input = withMonitoring((m) => {
      m.retention.tracesInDays = 0;
      m.grafanaDefaultRole = 'Owner';
    });
    const problems = problemsOf(input);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe('staging: monitoring.retention.tracesInDays = 0 must be at least 1 day. Fix: e.g. 15');
    expect(problems[1]).toMatch(/^staging: monitoring\.grafanaDefaultRole = "Owner" .*Fix:/);
  });
});
