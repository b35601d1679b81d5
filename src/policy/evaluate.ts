/**
 * Runs the pack over the stacks of one run and applies the acknowledgements the stacks carry in
 * their JSON (src/core/acknowledge.ts). Every acknowledgement must be valid (known rule, a reason
 * of at least ten characters, a rule that may be acknowledged in that tier) and must match a
 * finding: an unused one is an error, so acknowledgements cannot outlive their exception.
 */
import { asObject, blockList, type StackDocument } from '../terraform-json/document';
import { RULES } from './pack';
import type { Finding, RecordedAcknowledgement, Rule, Tier } from './types';

export const MIN_REASON_LENGTH = 10;

export interface CheckedStack {
  readonly document: StackDocument;
  readonly tier: Tier;
}

export interface AcknowledgedFinding extends Finding {
  readonly reason: string;
}

export interface PackResult {
  readonly rules: readonly Rule[];
  readonly stacks: readonly { readonly name: string; readonly tier: Tier; readonly resources: number }[];
  /** Findings no acknowledgement covers: each fails synth. */
  readonly findings: readonly Finding[];
  readonly acknowledged: readonly AcknowledgedFinding[];
  /** Invalid or unused acknowledgements: each fails synth. */
  readonly acknowledgementErrors: readonly string[];
}

export interface EvaluateOptions {
  /** Apply the acknowledgements the stacks carry. @default true */
  readonly acknowledgements?: boolean;
  readonly rules?: readonly Rule[];
}

export function evaluate(stacks: readonly CheckedStack[], options: EvaluateOptions = {}): PackResult {
  const rules = options.rules ?? RULES;
  const all = findAll(stacks, rules);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const errors: string[] = [];
  const usable: RecordedAcknowledgement[] = [];
  if (options.acknowledgements ?? true) {
    for (const { document, tier } of stacks) {
      const { found, problems } = acknowledgementsOf(document);
      errors.push(...problems);
      for (const a of found) {
        const problem = acknowledgementProblem(a, byId.get(a.rule), tier, usable);
        if (problem) errors.push(`acknowledgement of ${a.rule} on ${a.stack} ${a.address} ${problem}`);
        else usable.push(a);
      }
    }
  }

  const findings: Finding[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  const used = new Set<RecordedAcknowledgement>();
  for (const finding of all) {
    const match = usable.find((a) => a.rule === finding.rule && a.stack === finding.stack && a.address === finding.address);
    if (match) {
      used.add(match);
      acknowledged.push({ ...finding, reason: match.reason });
    } else findings.push(finding);
  }
  for (const a of usable) {
    if (!used.has(a)) {
      errors.push(
        `acknowledgement of ${a.rule} on ${a.stack} ${a.address} matches no finding. Fix: remove the acknowledge() call, or make it as conditional as the setting it excuses (the resource is compliant or gone)`,
      );
    }
  }
  return {
    rules,
    stacks: stacks.map((s) => ({ name: s.document.name, tier: s.tier, resources: s.document.resources.length })),
    findings,
    acknowledged,
    acknowledgementErrors: errors,
  };
}

/** The acknowledgements of one stack: each resource's `//.acknowledgements`, then the stack's own. */
export function acknowledgementsOf(document: StackDocument): { found: RecordedAcknowledgement[]; problems: string[] } {
  const found: RecordedAcknowledgement[] = [];
  const problems: string[] = [];
  const read = (value: unknown, where: string, address?: string) => {
    blockList(value).forEach((entry, i) => {
      const at = address ?? entry.address;
      const { rule, reason } = entry;
      if (typeof rule !== 'string' || typeof reason !== 'string' || typeof at !== 'string') {
        problems.push(
          `acknowledgement ${i + 1} of ${document.name} ${where} is ${JSON.stringify(entry)}, not { rule, reason${address ? '' : ', address'} } strings. Fix: write it with acknowledge() (src/core/acknowledge.ts)`,
        );
      } else found.push({ rule, stack: document.name, address: at, reason });
    });
  };
  for (const resource of document.resources) if (resource.acknowledgements !== undefined) read(resource.acknowledgements, resource.address, resource.address);
  for (const doc of document.documents) read(asObject(doc['//'])?.acknowledgements, '(stack)');
  return { found, problems };
}

/** Why an acknowledgement cannot be used, or undefined when it can. */
function acknowledgementProblem(a: RecordedAcknowledgement, rule: Rule | undefined, tier: Tier, accepted: readonly RecordedAcknowledgement[]): string | undefined {
  if (!rule) return 'names an unknown rule. Fix: use one of the ids in src/policy/pack.ts';
  if (a.reason.trim().length < MIN_REASON_LENGTH) {
    return `has reason ${JSON.stringify(a.reason)}, shorter than ${MIN_REASON_LENGTH} characters. Fix: say why the exception is safe`;
  }
  if (rule.waivable === 'never') return `acknowledges ${rule.id}, which cannot be acknowledged. Fix: ${rule.fix}`;
  if (rule.waivable === 'non-production' && tier === 'production') {
    return `acknowledges ${rule.id} in a production-tier stack, where it cannot be acknowledged. Fix: ${rule.fix}`;
  }
  if (accepted.some((u) => u.rule === a.rule && u.stack === a.stack && u.address === a.address)) return 'repeats an earlier acknowledgement. Fix: remove the duplicate';
  return undefined;
}

/** Every non-compliant verdict of every rule, before acknowledgements. */
export function findAll(stacks: readonly CheckedStack[], rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.kind === 'app') {
      for (const v of rule.check(stacks.map((s) => s.document))) findings.push({ rule: rule.id, ...v });
      continue;
    }
    for (const { document, tier } of stacks) {
      const context = { stack: document, tier };
      if (rule.kind === 'stack') {
        for (const v of rule.check(context)) findings.push({ rule: rule.id, stack: document.name, address: v.address, problem: v.problem });
        continue;
      }
      for (const resource of document.resources) {
        if (!rule.resourceTypes.includes(resource.type)) continue;
        const verdict = rule.check(resource, context);
        if (verdict.status === 'non-compliant') findings.push({ rule: rule.id, stack: document.name, address: resource.address, problem: verdict.problem });
      }
    }
  }
  return findings;
}
