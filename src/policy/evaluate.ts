/**
 * Runs the pack over the stacks of one run and applies the waivers. Every waiver must be valid
 * (known rule, a reason of at least ten characters, a rule that may be waived in that tier) and,
 * when its stack was checked, must match a finding: an unused waiver is an error, so waivers
 * cannot outlive the exception they describe.
 */
import type { StackDocument } from '../terraform-json/document';
import { RULES } from './pack';
import type { Finding, Rule, Tier, Waiver } from './types';

export const MIN_REASON_LENGTH = 10;

export interface CheckedStack {
  readonly document: StackDocument;
  readonly tier: Tier;
}

export interface WaivedFinding extends Finding {
  readonly reason: string;
}

export interface PackResult {
  readonly rules: readonly Rule[];
  readonly stacks: readonly { readonly name: string; readonly tier: Tier; readonly resources: number }[];
  /** Findings no waiver covers: each fails synth. */
  readonly findings: readonly Finding[];
  readonly waived: readonly WaivedFinding[];
  /** Invalid or unused waivers: each fails synth. */
  readonly waiverErrors: readonly string[];
}

export function evaluate(stacks: readonly CheckedStack[], waivers: readonly Waiver[], rules: readonly Rule[] = RULES): PackResult {
  const all = findAll(stacks, rules);
  const tiers = new Map(stacks.map((s) => [s.document.name, s.tier]));
  const byId = new Map(rules.map((r) => [r.id, r]));
  const waiverErrors: string[] = [];
  const usable: Waiver[] = [];
  waivers.forEach((w, i) => {
    const problem = waiverProblem(w, byId.get(w.rule), tiers.get(w.stack), usable);
    if (problem) waiverErrors.push(`waiver ${i + 1} (${w.rule} on ${w.stack} ${w.address}) ${problem}`);
    else usable.push(w);
  });

  const findings: Finding[] = [];
  const waived: WaivedFinding[] = [];
  const used = new Set<Waiver>();
  for (const finding of all) {
    const waiver = usable.find((w) => w.rule === finding.rule && w.stack === finding.stack && w.address === finding.address);
    if (waiver) {
      used.add(waiver);
      waived.push({ ...finding, reason: waiver.reason });
    } else findings.push(finding);
  }
  for (const w of usable) {
    if (tiers.has(w.stack) && !used.has(w) && w.absentWhen === undefined) {
      waiverErrors.push(`waiver for ${w.rule} on ${w.stack} ${w.address} matches no finding. Fix: remove it from src/policy/waivers.ts (the resource is compliant or gone)`);
    }
  }
  return {
    rules,
    stacks: stacks.map((s) => ({ name: s.document.name, tier: s.tier, resources: s.document.resources.length })),
    findings,
    waived,
    waiverErrors,
  };
}

/** Why a waiver cannot be used, or undefined when it can. */
function waiverProblem(w: Waiver, rule: Rule | undefined, tier: Tier | undefined, accepted: readonly Waiver[]): string | undefined {
  if (!rule) return 'names an unknown rule. Fix: use one of the ids in src/policy/pack.ts';
  if (w.reason.trim().length < MIN_REASON_LENGTH) {
    return `has reason ${JSON.stringify(w.reason)}, shorter than ${MIN_REASON_LENGTH} characters. Fix: say why the exception is safe`;
  }
  if (rule.waivable === 'never') return `waives ${rule.id}, which cannot be waived. Fix: ${rule.fix}`;
  if (rule.waivable === 'non-production' && tier === 'production') {
    return `waives ${rule.id} in a production-tier stack, where it cannot be waived. Fix: ${rule.fix}`;
  }
  if (accepted.some((u) => u.rule === w.rule && u.stack === w.stack && u.address === w.address)) return 'repeats an earlier waiver. Fix: remove the duplicate';
  return undefined;
}

/** Every non-compliant verdict of every rule, before waivers. */
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
