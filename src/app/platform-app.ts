/** The single factory that wires every stack of every selected environment. */
import type { App } from 'cdktf';
import { BaseInfraStack } from '../../stacks/base-infra-stack';
import { BootstrapStack } from '../../stacks/bootstrap-stack';
import type { EnvironmentConfig } from '../config/schema';

export interface PlatformStacks {
  readonly bootstrap: BootstrapStack;
  readonly baseInfra: Record<string, BaseInfraStack>;
}

/** Adds the bootstrap stack and, per environment, its layer stacks named `<layer>-<env>`. */
export function addPlatformStacks(app: App, environments: readonly EnvironmentConfig[]): PlatformStacks {
  if (environments.length === 0) throw new Error('No environment selected. Fix: set ATLAS_ENVIRONMENTS to e.g. "staging" or leave it unset');
  const [first] = environments;
  const bootstrap = new BootstrapStack(app, 'bootstrap', {
    state: first.state,
    accountId: first.aws.accountId,
    repository: first.repository,
    adoptExisting: first.state.adoptExisting,
  });
  const baseInfra: Record<string, BaseInfraStack> = {};
  for (const env of environments) {
    const base = new BaseInfraStack(app, `base-infra-${env.name}`, { env });
    base.addDependency(bootstrap);
    baseInfra[env.name] = base;
  }
  return { bootstrap, baseInfra };
}
