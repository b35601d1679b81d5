/**
 * Which public ids the pack holds, goes further than, or no longer claims. A rule that names an
 * id must catch what that id catches on the resource types it covers (the fixtures in
 * __tests__/policy/shapes.test.ts); where it deliberately catches more, `stricterThan` says so;
 * ids it cannot hold are listed here with the reason, so the README keeps the history.
 */
import type { Rule } from './types';

export interface DroppedId {
  readonly id: string;
  /** The rule that used to name it. */
  readonly rule: string;
  readonly why: string;
}

export const DROPPED_IDS: readonly DroppedId[] = [
  { id: 'CKV_AWS_119', rule: 'dynamodb-encrypted', why: 'wants a customer-managed key (kms_key_arn); the rule accepts the AWS-managed key' },
  { id: 'AVD-AWS-0025', rule: 'dynamodb-encrypted', why: 'wants a customer-managed key (kms_key_arn); the rule accepts the AWS-managed key' },
  { id: 'CKV_AWS_338', rule: 'log-group-retention', why: 'wants at least 365 days; the rule wants a retention to be set (staging keeps 14 days, prod 90)' },
  { id: 'CKV_AWS_290', rule: 'iam-no-wildcard-admin', why: 'write actions without constraints need an IAM action database (Cloudsplaining) the pack does not carry' },
  { id: 'CKV_AWS_355', rule: 'iam-no-wildcard-admin', why: 'restrictable actions on Resource "*" need an IAM action database (Cloudsplaining) the pack does not carry' },
  { id: 'AVD-AWS-0057', rule: 'iam-no-wildcard-admin', why: 'flags any wildcard action or resource, also on a scoped resource; the rule flags service-wide wildcards on "*" only' },
  { id: 'CKV_SECRET_*', rule: 'no-plaintext-secret', why: 'replaced by the detector ids the rule holds; entropy detectors (CKV_SECRET_6, _19, _80) and other vendors are not claimed' },
];

export type Coverage = 'holds' | 'stricter' | 'not claimed any more';

export interface CoverageRow {
  readonly id: string;
  readonly coverage: Coverage;
  readonly rule: string;
}

/** One row per public id and rule, claimed ids first in pack order, then the dropped ones. */
export function coverageRows(rules: readonly Rule[]): CoverageRow[] {
  const claimed = rules.flatMap((r) => r.publicIds.map((id): CoverageRow => ({ id, rule: r.id, coverage: r.stricterThan?.includes(id) ? 'stricter' : 'holds' })));
  return [...claimed, ...DROPPED_IDS.map((d): CoverageRow => ({ id: d.id, rule: d.rule, coverage: 'not claimed any more' }))];
}

/** The README's coverage table (a test keeps it in sync). */
export function coverageTable(rules: readonly Rule[]): string {
  const rows = coverageRows(rules);
  const count = (c: Coverage) => rows.filter((r) => r.coverage === c).length;
  const why = new Map(DROPPED_IDS.map((d) => [`${d.id} ${d.rule}`, d.why]));
  return [
    `${count('holds')} holds, ${count('stricter')} stricter, ${count('not claimed any more')} not claimed any more.`,
    '',
    '| public id | rule | coverage |',
    '|---|---|---|',
    ...rows.map((r) => {
      const note = why.get(`${r.id} ${r.rule}`);
      return `| ${r.id} | \`${r.rule}\` | ${r.coverage}${note ? `: ${note}` : ''} |`;
    }),
  ].join('\n');
}
