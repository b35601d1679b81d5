/**
 * One registry of listener-rule priorities for the shared HTTPS listener. ALB evaluates rules from
 * the lowest number; two rules with one number on one listener are refused by AWS at apply time,
 * so the platform refuses them at synth instead.
 */
import type { IConstruct } from 'constructs';
import { PropsError } from '../core/input-error';

/** Priorities of the rules this repository owns. Tenants in other repositories use 1000-39999. */
export const LISTENER_PRIORITIES = {
  eventsIngestion: 100,
  dashboardBackend: 110,
  kafkaUi: 120,
  grafana: 200,
  prometheus: 210,
  /** The example tenant in examples/api-tenant. */
  api: 1000,
  /** The edge's catch-all (`/*`) to events ingestion: evaluated after every other rule. */
  eventsIngestionCatchAll: 50000,
} as const;

/** Lowest listener-rule priority ALB accepts. */
export const MIN_PRIORITY = 1;
/** Highest listener-rule priority ALB accepts. */
export const MAX_PRIORITY = 50000;

export interface PriorityClaim {
  /** Identifies the listener, e.g. the SSM parameter name of its ARN. */
  readonly listener: string;
  readonly priority: number;
  /** Who claims it, for the error message (a construct path). */
  readonly rule: string;
}

const claimsByApp = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Records a rule's priority for the whole app (every stack shares the root construct) and throws
 * when another rule on the same listener already holds it, naming both.
 */
export function claimListenerPriority(scope: IConstruct, claim: PriorityClaim): void {
  const { listener, priority, rule } = claim;
  if (!Number.isInteger(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
    throw new PropsError({
      subject: `listener rule ${rule}`,
      field: 'priority',
      value: priority,
      problem: `is outside ${MIN_PRIORITY}-${MAX_PRIORITY}`,
      fix: 'pick a free integer in that range from src/contract/listener-priorities.ts',
    });
  }
  const root = scope.node.root;
  const claims = claimsByApp.get(root) ?? new Map<string, string>();
  claimsByApp.set(root, claims);
  const key = `${listener}#${priority}`;
  const holder = claims.get(key);
  if (holder !== undefined && holder !== rule) {
    throw new PropsError({
      subject: `listener rule ${rule}`,
      field: 'priority',
      value: priority,
      problem: `on ${listener} is claimed by both ${holder} and ${rule}`,
      fix: 'give one of them another priority in src/contract/listener-priorities.ts',
    });
  }
  claims.set(key, rule);
}
