/** The single factory that wires every stack of every selected environment. */
import type { App } from 'cdktf';
import { AtlasStack } from '../../stacks/atlas-stack';
import { BaseInfraStack } from '../../stacks/base-infra-stack';
import { BootstrapStack } from '../../stacks/bootstrap-stack';
import { MonitoringStack } from '../../stacks/monitoring-stack';
import type { EnvironmentConfig } from '../config/schema';
import { ConfigError } from '../core/input-error';

export interface PlatformStacks {
  readonly bootstrap: BootstrapStack;
  readonly baseInfra: Record<string, BaseInfraStack>;
  readonly atlas: Record<string, AtlasStack>;
  readonly monitoring: Record<string, MonitoringStack>;
}

/** Adds the bootstrap stack and, per environment, its layer stacks named `<layer>-<env>`. */
export function addPlatformStacks(app: App, environments: readonly EnvironmentConfig[]): PlatformStacks {
  if (environments.length === 0) {
    throw new ConfigError([{ field: 'ATLAS_ENVIRONMENTS', problem: 'selects no environment', fix: 'set ATLAS_ENVIRONMENTS to e.g. "staging" or leave it unset' }]);
  }
  const [first] = environments;
  const bootstrap = new BootstrapStack(app, 'bootstrap', {
    state: first.state,
    accountId: first.aws.accountId,
    repository: first.repository,
    backend: first.state.bootstrapBackend,
    adoptExisting: first.state.adoptExisting,
  });
  const baseInfra: Record<string, BaseInfraStack> = {};
  const atlas: Record<string, AtlasStack> = {};
  const monitoring: Record<string, MonitoringStack> = {};
  for (const env of environments) {
    // No dependency on the bootstrap: it is applied once by hand (README "Bootstrap") before any
    // environment, and cdktf refuses `deploy '*-staging'` when a dependency is not selected.
    const base = new BaseInfraStack(app, `base-infra-${env.name}`, { env });
    baseInfra[env.name] = base;
    // Ordering only: the Atlas layer reads base-infra through SSM, never through references.
    atlas[env.name] = new AtlasStack(app, `atlas-${env.name}`, { env });
    atlas[env.name].addDependency(base);
    // Ordering only (deploy '*-staging' runs Layer 1 first): monitoring reads Layer 1 through SSM.
    monitoring[env.name] = new MonitoringStack(app, `monitoring-${env.name}`, { env });
    monitoring[env.name].addDependency(base);
  }
  return { bootstrap, baseInfra, atlas, monitoring };
}
