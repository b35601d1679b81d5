import { Testing } from 'cdktf';
import { addPlatformStacks } from '../../src/app/platform-app';
import { loadEnvironments } from '../../src/config/load';

describe('platform app: monitoring stacks', () => {
  test('adds monitoring-<env> for each environment, ordered after base-infra-<env>', () => {
    // GIVEN both environments  WHEN the app is wired
    const stacks = addPlatformStacks(Testing.app(), loadEnvironments());
    // THEN each environment has its monitoring stack, depending on its own Layer 1 only
    expect(Object.keys(stacks.monitoring).sort()).toEqual(['prod', 'staging']);
    for (const env of ['staging', 'prod']) {
      const monitoring = stacks.monitoring[env];
      expect(monitoring.node.id).toBe(`monitoring-${env}`);
      expect(monitoring.dependencies).toEqual([stacks.baseInfra[env]]);
    }
  });
});
