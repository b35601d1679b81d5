/**
 * The per-environment mocked-plan tests, `terraform-tests/<layer>-<env>/plan.tftest.hcl`, rendered
 * from one template per layer and each environment's config (written by `npm run mocked-plans`).
 * Terraform takes no variables inside `mock_provider` or `override_*` blocks, so the values that
 * differ between environments are filled in here rather than by Terraform. The bootstrap stack has
 * one file for all environments and stays hand-written in `terraform-tests/bootstrap/`.
 */
import type { EnvironmentConfig } from '../../config/schema';
import { renderAtlasPlan } from './atlas';
import { renderBaseInfraPlan } from './base-infra';
import { generatedHeader } from './hcl';
import { renderMonitoringPlan } from './monitoring';

/** Where an environment's config lives: `ENVIRONMENTS` in src/config/load.ts imports it from here. */
export const configFileOf = (env: EnvironmentConfig): string => `src/config/${env.name}.ts`;

const LAYERS = [
  { layer: 'base-infra', template: 'src/generators/mocked-plans/base-infra.ts', render: (env: EnvironmentConfig) => renderBaseInfraPlan(env, configFileOf(env)) },
  { layer: 'monitoring', template: 'src/generators/mocked-plans/monitoring.ts', render: (env: EnvironmentConfig) => renderMonitoringPlan(env) },
  { layer: 'atlas', template: 'src/generators/mocked-plans/atlas.ts', render: (env: EnvironmentConfig) => renderAtlasPlan(env, configFileOf(env)) },
] as const;

/** Every generated file, by its path from the repository root. */
export function renderMockedPlans(envs: readonly EnvironmentConfig[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const env of envs) {
    if (env.network.availabilityZones.length !== 2) {
      throw new Error(
        `${env.name}: network.availabilityZones has ${env.network.availabilityZones.length} zones; the mocked-plan templates mock the subnets of two (a and b). ` +
          'Fix: extend the subnet overrides and assertions in src/generators/mocked-plans/base-infra.ts for the third zone, or list two zones',
      );
    }
    for (const { layer, template, render } of LAYERS) {
      files[`terraform-tests/${layer}-${env.name}/plan.tftest.hcl`] = `${generatedHeader(template, env.name, configFileOf(env))}\n${render(env)}`;
    }
  }
  return files;
}
