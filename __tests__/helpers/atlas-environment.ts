/** Committed environments with parts of their `atlas` section replaced, for Atlas layer tests. */
import { parseEnvironment } from '../../src/config/load';
import { prod } from '../../src/config/prod';
import type { EnvironmentConfig, EnvironmentInput } from '../../src/config/schema';
import { staging } from '../../src/config/staging';

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
