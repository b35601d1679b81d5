/** The one tag set every stack applies through the provider's default_tags. */

/** The platform layer a stack belongs to; tenants in other repositories are `tenant`. */
export type Layer = 'bootstrap' | 'base-infra' | 'monitoring' | 'atlas' | 'tenant';

/** The values of the platform's default tags that differ per stack. */
export interface TagInputs {
  /** Value of the `Environment` tag, e.g. `staging`. */
  readonly environment: string;
  /** Value of the `Layer` tag. */
  readonly layer: Layer;
  /** Value of the `Repository` tag: where the stack's code lives, e.g. `github.com/org/repo`. */
  readonly repository: string;
}

export const PROJECT = 'atlas';

export function platformTags(inputs: TagInputs): Record<string, string> {
  return {
    Project: PROJECT,
    Environment: inputs.environment,
    Layer: inputs.layer,
    ManagedBy: 'cdktf',
    Repository: inputs.repository,
  };
}
