// What the emulator cannot do, in one table. Each entry names the resource type and attributes, what
// the emulator does, the evidence, and how the tier handles it. A re-plan may show only changes that
// an entry of kind 'read-back' covers; any other change fails the tier, and so does an entry that
// no run needed (the table must not outlive the gap). Before a read-back entry is accepted, its
// evidence call runs against the emulator and must show the attribute missing there: an entry can
// only excuse what the emulator really drops, never a difference the project causes.
'use strict';

/**
 * kind 'read-back': the emulator drops or changes a value AWS keeps; a re-plan change of exactly
 * these attributes is accepted once `probe` (Python printing {"missing": bool, "detail": ...}
 * against the emulator) shows the value missing there. 'not-implemented': moto lacks the call and
 * the emulator serves it. 'setting': an emulator option the tier sets.
 * @type {Array<{ type: string, attributes: string[], kind: 'read-back'|'not-implemented'|'setting', replaces?: boolean, emulator: string, evidence: string, probe?: (r: any) => string, handling: string }>}
 */
const GAPS = [
  {
    type: 'aws_msk_configuration, aws_msk_cluster, aws_msk_cluster_policy',
    attributes: ['(whole resource)'],
    kind: 'not-implemented',
    emulator: 'moto 5.2.1 has no CreateConfiguration, keeps a cluster in CREATING for ever and has no GetBootstrapBrokers or UpdateConnectivity',
    evidence: 'a trial apply stopped at the Kafka configuration; `test_msk_*` in scripts/emulator/test_server.py',
    handling: 'served by scripts/emulator/kafka.py (in memory, AWS shapes and AWS\'s refusal of public access at creation)',
  },
  {
    type: 'aws_budgets_budget',
    attributes: ['notification.subscriber_email_addresses', 'tags'],
    kind: 'not-implemented',
    emulator: 'no DescribeSubscribersForNotification and no tagging calls; the provider retries for ever',
    evidence: 'emulator log: `NotImplementedError: The list_tags_for_resource action has not been implemented`',
    handling: 'served by scripts/emulator/server.py from moto\'s own budget data',
  },
  {
    type: 'aws_efs_backup_policy, aws_efs_file_system_policy',
    attributes: ['status', '(delete)'],
    kind: 'not-implemented',
    emulator: 'no PutBackupPolicy and no DeleteFileSystemPolicy; the provider retries for ever',
    evidence: '`test_efs_backup_policy_and_policy_deletion`',
    handling: 'served by scripts/emulator/server.py on moto\'s file systems',
  },
  {
    type: 'aws_s3_bucket_policy',
    attributes: ['policy (aws:SecureTransport deny)'],
    kind: 'not-implemented',
    emulator: 'a statement whose condition does not hold counts as a deny, so a TLS-only policy refuses every request, the S3 backend\'s included',
    evidence: '`test_tls_only_bucket_policy_allows_requests_over_tls`, `test_an_unconditional_bucket_deny_still_denies`',
    handling: 'the emulator serves TLS and evaluates Bool/String conditions with SecureTransport from the request',
  },
  {
    type: 'aws_route53_zone',
    attributes: ['zone_id'],
    kind: 'not-implemented',
    emulator: 'zone ids do not start with Z; the config rightly refuses such an id for adoption',
    evidence: '`test_hosted_zone_ids_look_like_aws_ones`',
    handling: 'the emulator gives AWS-shaped ids',
  },
  {
    type: 'aws_db_instance',
    attributes: ['resource_id'],
    kind: 'not-implemented',
    emulator: 'every instance has the same DbiResourceId; with staging and prod in one account the provider finds two and fails ("couldn\'t find resource")',
    evidence: '`test_each_database_instance_has_its_own_resource_id`',
    handling: 'the emulator gives each instance its own id',
  },
  {
    type: 'aws_iam_role_policy_attachment',
    attributes: ['policy_arn (AWS managed)'],
    kind: 'setting',
    emulator: 'AWS managed policies exist only when loaded',
    evidence: 'moto documentation of MOTO_IAM_LOAD_MANAGED_POLICIES',
    handling: 'the tier starts moto with MOTO_IAM_LOAD_MANAGED_POLICIES=true',
  },
  {
    type: 'aws_acm_certificate_validation',
    attributes: ['(waiter)'],
    kind: 'setting',
    emulator: 'issues a requested certificate after MOTO_ACM_VALIDATION_WAIT seconds (no DNS lookup)',
    evidence: 'moto documentation of MOTO_ACM_VALIDATION_WAIT',
    handling: 'MOTO_ACM_VALIDATION_WAIT=0; the registrar and delegation steps stay manual (README "First deploy")',
  },
];

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

if (require.main === module) console.log(gapsMarkdown());

module.exports = { GAPS, classifyChanges, gapsMarkdown, unusedGaps };
