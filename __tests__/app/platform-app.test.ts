/**
 * The app's wiring: which stacks exist and the order `cdktf deploy` runs them in. cdktf-cli 0.21
 * refuses a selection that leaves out a stack the selected ones depend on, unless
 * --ignore-missing-stack-dependencies is given, which also drops the ordering; the README deploys
 * an environment with `cdktf deploy '*-<env>'`, and these tests keep that command valid.
 */
import { TerraformStack, Testing } from 'cdktf';
import { addPlatformStacks } from '../../src/app/platform-app';
import { loadEnvironments } from '../../src/config/load';
import { ConfigError } from '../../src/core/input-error';
import { expectInputError } from '../helpers/input-error';

const app = Testing.app();
const platform = addPlatformStacks(app, loadEnvironments());
const stacks = app.node.children.filter((c) => TerraformStack.isStack(c));

describe('platform app', () => {
  it('adds the bootstrap and, per environment, base-infra-<env>, atlas-<env> and monitoring-<env>', () => {
    expect(stacks.map((stack) => stack.node.id).sort()).toEqual(['atlas-prod', 'atlas-staging', 'base-infra-prod', 'base-infra-staging', 'bootstrap', 'monitoring-prod', 'monitoring-staging']);
    expect(Object.keys(platform.monitoring).sort()).toEqual(['prod', 'staging']);
    expect(platform.monitoring.staging.node.id).toBe('monitoring-staging');
  });
});

describe("cdktf deploy '*-<env>'", () => {
  it.each(['staging', 'prod'])('selects every stack that the %s stacks depend on', (env) => {
    const selected = stacks.filter((stack) => stack.node.id.endsWith(`-${env}`));
    expect(selected.map((stack) => stack.node.id).sort()).toEqual([`atlas-${env}`, `base-infra-${env}`, `monitoring-${env}`]);
    const missing = selected.flatMap((stack) => stack.dependencies.map((dep) => dep.node.id)).filter((id) => !selected.some((s) => s.node.id === id));
    expect(missing).toEqual([]);
  });

  it('still orders each environment: base-infra before the layers that read its SSM outputs', () => {
    for (const env of ['staging', 'prod']) {
      const byId = (id: string) => stacks.find((stack) => stack.node.id === id)!;
      expect(byId(`atlas-${env}`).dependencies).toEqual([byId(`base-infra-${env}`)]);
      expect(byId(`monitoring-${env}`).dependencies).toEqual([byId(`base-infra-${env}`)]);
    }
  });
});

describe('environment selection', () => {
  it('refuses an empty selection as a configuration error naming ATLAS_ENVIRONMENTS', () => {
    const error = expectInputError(ConfigError, () => addPlatformStacks(Testing.app(), []), 'ATLAS_ENVIRONMENTS selects no environment. Fix: set ATLAS_ENVIRONMENTS');
    expect(error.field).toBe('ATLAS_ENVIRONMENTS');
  });
});
