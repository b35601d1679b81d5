// What the emulator cannot do, in one table. Each entry names the resource type and attributes, what
// the emulator does, the evidence, and how the tier handles it. A re-plan may show only changes that
// an entry of kind 'read-back' covers; any other change fails the tier, and so does an entry that
// no run needed (the table must not outlive the gap). Before a read-back entry is accepted, its
// evidence call runs against the emulator and must show the attribute missing there: an entry can
// only excuse what the emulator really drops, never a difference the project causes.
'use strict';

/** @type {Array<{ type: string, attributes: string[], kind: 'read-back'|'not-implemented'|'setting', replaces?: boolean, emulator: string, evidence: string, probe?: (r: any) => string, handling: string }>} */
const GAPS = [];

/**
 * Splits a re-plan's changes into those a read-back gap covers and the rest (findings).
 * Returns { findings, covered: [{ change, gap }] }.
 */
function classifyChanges(changes, gaps = GAPS) {
  const findings = [];
  const covered = [];
  for (const change of changes) {
    const candidates = gaps.filter((g) => g.kind === 'read-back' && g.type === change.type);
    const attributes = new Set(candidates.flatMap((g) => g.attributes));
    const replaces = change.actions.includes('delete');
    const fits = candidates.length > 0 && change.actions.every((a) => a === 'update' || a === 'delete' || a === 'create') && change.changed.every((a) => attributes.has(a)) && (!replaces || candidates.some((g) => g.replaces));
    if (!fits) {
      findings.push(change);
      continue;
    }
    for (const gap of candidates.filter((g) => g.attributes.some((a) => change.changed.includes(a)))) covered.push({ change, gap });
  }
  return { findings, covered };
}

/** Read-back entries that no re-plan needed: the emulator no longer has that gap, or the entry is wrong. */
function unusedGaps(covered, gaps = GAPS) {
  const used = new Set(covered.map((c) => c.gap));
  return gaps.filter((g) => g.kind === 'read-back' && !used.has(g));
}

/** The table as Markdown, for the README. */
function gapsMarkdown(gaps = GAPS) {
  const rows = gaps.map((g) => `| \`${g.type}\` ${g.attributes.map((a) => `\`${a}\``).join(', ')} | ${g.emulator} | ${g.evidence} | ${g.handling} |`);
  return ['| resource and attribute | what the emulator does | evidence | how the tier handles it |', '|---|---|---|---|', ...rows].join('\n');
}

module.exports = { GAPS, classifyChanges, gapsMarkdown, unusedGaps };
