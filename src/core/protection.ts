/**
 * The one protection model: an environment's tier, and how a stateful resource is guarded
 * against deletion. Every construct that owns state (an S3 bucket, a DynamoDB table, an RDS
 * instance, an MSK cluster, an EFS file system, a hosted zone, a user pool, the load balancer
 * and its log bucket) takes a `Protection` and is protected unless told otherwise.
 */

/** The tiers a stack may declare. */
export const TIERS = ['production', 'non-production'] as const;

/**
 * A stack's declared tier. It sets nothing by itself: it is the bar the policy pack holds the
 * stack to (which rules apply, e.g. deletion protection and prevent_destroy are required in
 * `production`, and which findings may be acknowledged). Protection, Multi-AZ, retention... are
 * values of their own that the pack then checks.
 */
export type Tier = (typeof TIERS)[number];

/** How a construct guards its stateful resources against deletion; each construct says which resource gets which. */
export interface Protection {
  /**
   * Deletion protection of the AWS service itself, where it has one (RDS `deletion_protection`,
   * DynamoDB `deletion_protection_enabled`, ALB `enable_deletion_protection`, Cognito
   * `deletion_protection`): AWS refuses the delete call, whoever makes it.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Terraform `lifecycle.prevent_destroy`: any plan that would destroy the resource fails, so a
   * rename or a replacing change cannot delete it. S3, EFS, MSK and Route53 have no service-level
   * protection, so this is theirs.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/** Everything on: the default of every stateful construct. */
export const PROTECTED: Required<Protection> = { deletionProtection: true, preventDestroy: true };

/** `protection` with its defaults filled in (both on). */
export function protectionOf(protection: Protection | undefined): Required<Protection> {
  return {
    deletionProtection: protection?.deletionProtection ?? PROTECTED.deletionProtection,
    preventDestroy: protection?.preventDestroy ?? PROTECTED.preventDestroy,
  };
}
