/** Test helpers for the Atlas layer and TenantService: synthesize to parsed Terraform JSON. */
import { App, Testing, type TerraformStack } from 'cdktf';
import { parseEnvironment } from '../../src/config/load';
import { prod } from '../../src/config/prod';
import type { EnvironmentConfig, EnvironmentInput } from '../../src/config/schema';
import { staging } from '../../src/config/staging';

export type Block = Record<string, any>;
export interface TerraformJson {
  readonly resource: Record<string, Record<string, Block>>;
  readonly data: Record<string, Record<string, Block>>;
  readonly output?: Record<string, Block>;
  readonly variable?: Record<string, Block>;
}

export function synthJson(stack: TerraformStack): TerraformJson {
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

/** Every block of one resource type, by address name (empty when none). */
export function resourcesOf(json: TerraformJson, type: string): Record<string, Block> {
  return json.resource[type] ?? {};
}

export function testApp(): App {
  return Testing.app();
}

type AtlasInput = NonNullable<EnvironmentInput['atlas']>;

/** A committed environment with parts of its `atlas` section replaced (validated like real config). */
export function atlasEnvironment(
  name: 'staging' | 'prod',
  patch: { msk?: Partial<AtlasInput['msk']>; rds?: Partial<AtlasInput['rds']>; exportBucket?: Partial<AtlasInput['exportBucket']> } = {},
): EnvironmentConfig {
  const base = name === 'staging' ? staging : prod;
  return parseEnvironment(name, {
    ...base,
    atlas: {
      ...base.atlas,
      msk: { ...base.atlas.msk, ...patch.msk },
      rds: { ...base.atlas.rds, ...patch.rds },
      exportBucket: { ...base.atlas.exportBucket, ...patch.exportBucket },
    },
  });
}
