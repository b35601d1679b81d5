/** Physical names of AWS resources, checked against AWS's length and character limits at synth. */
import { InputError } from './input-error';

/** AWS name limits the platform relies on (characters). */
export const NAME_LIMITS = {
  generic: 255,
  alb: 32,
  targetGroup: 32,
  s3Bucket: 63,
  iamRole: 64,
  rdsIdentifier: 63,
  cognitoDomain: 63,
  ecsCluster: 255,
  mskCluster: 64,
  secret: 512,
} as const;

/** Which AWS limit a name is checked against (`generic` is 255 characters). */
export type NameKind = keyof typeof NAME_LIMITS;

const KIND_LABEL: Record<NameKind, string> = {
  generic: 'name',
  alb: 'load balancer name',
  targetGroup: 'target group name',
  s3Bucket: 'S3 bucket name',
  iamRole: 'IAM role name',
  rdsIdentifier: 'RDS identifier',
  cognitoDomain: 'Cognito domain prefix',
  ecsCluster: 'ECS cluster name',
  mskCluster: 'MSK cluster name',
  secret: 'secret name',
};

/** A physical name AWS would refuse (too long, wrong characters); the message names the value and the fix. */
export class NameLimitError extends InputError {
  constructor(name: string, kind: NameKind, problem: string) {
    const fix = "shorten the environment's namePrefix or the name's suffix";
    super({ field: KIND_LABEL[kind], value: name, problem, fix }, `${KIND_LABEL[kind]} "${name}" ${problem}. Fix: ${fix}`);
  }
}

/** Checks a complete physical name; returns it unchanged when it is valid. */
export function checkName(name: string, kind: NameKind): string {
  const limit = NAME_LIMITS[kind];
  if (name.length > limit) throw new NameLimitError(name, kind, `is ${name.length} characters; AWS allows at most ${limit}`);
  if (kind === 's3Bucket') {
    if (name.length < 3) throw new NameLimitError(name, kind, 'is shorter than 3 characters, the S3 minimum');
    if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) {
      throw new NameLimitError(name, kind, 'must be lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit');
    }
  }
  if ((kind === 'alb' || kind === 'targetGroup') && (!/^[a-zA-Z0-9-]+$/.test(name) || name.startsWith('-') || name.endsWith('-'))) {
    throw new NameLimitError(name, kind, 'must be letters, digits and inner hyphens');
  }
  return name;
}

/** Names for one environment: `<namePrefix>-<suffix>`, each checked against its limit. */
export class Names {
  constructor(
    /** The environment's name prefix, e.g. `poc-atlas-dev`. */
    readonly prefix: string,
  ) {}

  /** `<prefix>-<suffix>` checked against the limit of `kind`. */
  of(suffix: string, kind: NameKind = 'generic'): string {
    return checkName(suffix ? `${this.prefix}-${suffix}` : this.prefix, kind);
  }

  /** A path-style name such as an SSM or Secrets Manager path: `/<prefix>/<suffix>`. */
  path(suffix: string): string {
    return `/${this.prefix}/${suffix}`;
  }
}
