/** How pack results read: one line per finding for the terminal, a JSON report for reviewers and CI. */
import * as fs from 'fs';
import * as path from 'path';
import type { PackResult } from './evaluate';
import type { Finding, Rule } from './types';

export const REPORT_FILE = 'policy-report.json';

/** Raised when the pack fails; the message lists every finding with its fix. */
export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** `[rule] stack address: problem. Fix: ... (public ids)` plus how to acknowledge it, when it may be acknowledged. */
export function describeFinding(finding: Finding, rules: readonly Rule[]): string {
  const rule = rules.find((r) => r.id === finding.rule);
  const ids = rule && rule.publicIds.length > 0 ? ` (${rule.publicIds.join(', ')})` : '';
  const line = `[${finding.rule}] ${finding.stack} ${finding.address}: ${finding.problem}. Fix: ${rule?.fix ?? 'see the rule'}${ids}`;
  if (rule?.waivable === 'never') return line;
  const call = `acknowledge(<the ${finding.address} resource>, { rule: '${finding.rule}', reason: '<why this is safe>' })`;
  return `${line}\n      or, if it is intended, call ${call} where the construct makes the exception`;
}

export function failureMessage(result: PackResult): string | undefined {
  if (result.findings.length === 0 && result.acknowledgementErrors.length === 0) return undefined;
  const lines = [
    `Policy check failed: ${result.findings.length} finding(s), ${result.acknowledgementErrors.length} acknowledgement error(s).`,
    ...result.findings.map((f) => `  - ${describeFinding(f, result.rules)}`),
    ...result.acknowledgementErrors.map((e) => `  - ${e}`),
  ];
  return lines.join('\n');
}

/** Summary lines for the synth output: every acknowledgement in use, with its reason. */
export function summaryLines(result: PackResult, milliseconds?: number): string[] {
  const resources = result.stacks.reduce((n, s) => n + s.resources, 0);
  const took = milliseconds === undefined ? '' : ` in ${milliseconds.toFixed(0)} ms`;
  return [
    `policy: ${result.rules.length} rules over ${result.stacks.length} stacks (${resources} resources)${took}: ` + `${result.findings.length} finding(s), ${result.acknowledged.length} acknowledged`,
    ...result.acknowledged.map((a) => `policy: acknowledged [${a.rule}] ${a.stack} ${a.address}: ${a.reason}`),
  ];
}

/** The machine-readable report; deterministic (no timestamps), so it diffs cleanly. */
export function reportJson(result: PackResult): object {
  return {
    rules: result.rules.map((r) => ({ id: r.id, property: r.property, publicIds: r.publicIds, waivable: r.waivable ?? 'always' })),
    stacks: result.stacks,
    findings: result.findings,
    acknowledgements: result.acknowledged.map((a) => ({ rule: a.rule, stack: a.stack, address: a.address, reason: a.reason, finding: a.problem })),
    acknowledgementErrors: result.acknowledgementErrors,
    passed: result.findings.length === 0 && result.acknowledgementErrors.length === 0,
  };
}

export function writeReport(result: PackResult, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(reportJson(result), null, 2)}\n`);
}

/** The README's rules table, generated from the pack so the two cannot drift (a test compares them). */
export function rulesTable(rules: readonly Rule[]): string {
  const scope = (r: Rule) => (r.kind === 'resource' ? r.resourceTypes.map((t) => `\`${t}\``).join(', ') : r.kind === 'stack' ? 'whole stack' : 'all stacks of a run');
  // An id the rule goes further than is marked, so the table shows where it is stricter.
  const ids = (r: Rule) => r.publicIds.map((id) => (r.stricterThan?.includes(id) ? `${id} (stricter)` : id)).join(', ');
  const waivable = (r: Rule) => ({ always: 'yes', 'non-production': 'non-production only', never: 'no' })[r.waivable ?? 'always'];
  return [
    '| rule | wants | applies to | public ids | waivable |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| \`${r.id}\` | ${r.property.replace(/\|/g, '\\|')} | ${scope(r)} | ${ids(r) || '—'} | ${waivable(r)} |`),
  ].join('\n');
}
