/** The vocabulary of the policy pack: resources as Terraform JSON holds them, rules, verdicts, findings. */
import type { StackDocument, TfResource } from '../terraform-json/document';

import type { Tier } from '../core/protection';

export type { Tier };
/** One managed resource of a synthesized stack: the model lives in src/terraform-json/document.ts. */
export type { TfResource };

export type Verdict = { readonly status: 'compliant' } | { readonly status: 'not-applicable' } | { readonly status: 'non-compliant'; readonly problem: string };

export const COMPLIANT: Verdict = { status: 'compliant' };
export const NOT_APPLICABLE: Verdict = { status: 'not-applicable' };
export function nonCompliant(problem: string): Verdict {
  return { status: 'non-compliant', problem };
}

/** What a rule sees besides the resource: the whole stack and its tier. */
export interface RuleContext {
  readonly stack: StackDocument;
  readonly tier: Tier;
}

/**
 * Who may acknowledge (waive) a finding: anyone with a reason (`always`), only non-production
 * stacks (`non-production`: e.g. public placement, allowed in staging, never in prod), or nobody
 * (`never`: e.g. a name AWS would reject anyway).
 */
export type Waivability = 'always' | 'non-production' | 'never';

interface RuleInfo {
  /** Stable kebab-case id, also the rule's file name. */
  readonly id: string;
  /** The property the rule wants, in one line. */
  readonly property: string;
  /**
   * Public checks it holds: Checkov `CKV_AWS_*`, Trivy `AVD-AWS-*`, Security Hub controls. Each
   * catches what that id catches on the resource types that id covers (fixtures in
   * __tests__/policy/shapes.test.ts), or goes further and is listed in `stricterThan`.
   */
  readonly publicIds: readonly string[];
  /** Ids of `publicIds` the rule deliberately goes further than; `property` says how. */
  readonly stricterThan?: readonly string[];
  /** How to make a finding go away. */
  readonly fix: string;
  /** @default 'always' */
  readonly waivable?: Waivability;
}

/** A rule over one resource of the listed types. */
export interface ResourceRule extends RuleInfo {
  readonly kind: 'resource';
  readonly resourceTypes: readonly string[];
  check(resource: TfResource, context: RuleContext): Verdict;
}

/** A violation a stack- or app-level rule found at an address. */
export interface Violation {
  readonly stack?: string;
  readonly address: string;
  readonly problem: string;
}

/** A rule over a whole stack (backend, secrets anywhere in the document). */
export interface StackRule extends RuleInfo {
  readonly kind: 'stack';
  check(context: RuleContext): readonly Violation[];
}

/** A rule over every stack of one run (listener-rule priorities shared across stacks). */
export interface AppRule extends RuleInfo {
  readonly kind: 'app';
  check(stacks: readonly StackDocument[]): readonly Required<Violation>[];
}

export type Rule = ResourceRule | StackRule | AppRule;

export interface Finding {
  readonly rule: string;
  readonly stack: string;
  readonly address: string;
  readonly problem: string;
}

/** An acknowledgement as the pack found it in a synthesized stack (src/core/acknowledge.ts writes them). */
export interface RecordedAcknowledgement {
  readonly rule: string;
  readonly stack: string;
  /** The resource it sits on, or the address a stack-level acknowledgement names. */
  readonly address: string;
  readonly reason: string;
}
