/** The error a config change causes: staging's committed input with one change, parsed at the boundary. */
import { ConfigError, parseEnvironment } from '../../src/config/load';
import type { EnvironmentInput } from '../../src/config/schema';
import { staging } from '../../src/config/staging';

export type MutableConfig = EnvironmentInput & Record<string, any>;

/** The message of the ConfigError that staging's config with `change` applied raises; fails if it is accepted. */
export function stagingConfigError(change: (input: MutableConfig) => void): string {
  const input = structuredClone(staging) as MutableConfig;
  change(input);
  try {
    parseEnvironment('staging', input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}
