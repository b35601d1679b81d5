/**
 * From this repository's environment config to a stack's props. Kept out of src/core, which the
 * published package ships: tenants build PlatformStackProps themselves and never see the config.
 */
import { type PlatformStackProps, stateKey } from '../core/platform-stack';
import type { Layer } from '../core/tags';
import type { EnvironmentConfig } from './schema';

/** The provider, backend and tier of one layer's stack in one environment. */
export function environmentStackProps(env: EnvironmentConfig, layer: Layer): PlatformStackProps {
  return {
    region: env.aws.region,
    accountId: env.aws.accountId,
    tags: { environment: env.environment, layer, repository: env.repository },
    tier: env.tier,
    state: env.state,
    stateKey: stateKey(layer, env.name),
  };
}
