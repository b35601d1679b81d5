/** The one tag set every stack applies through the provider's default_tags. */

export type Layer = 'bootstrap' | 'base-infra' | 'monitoring' | 'atlas' | 'tenant';

export interface TagInputs {
  readonly environment: string;
  readonly layer: Layer;
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
