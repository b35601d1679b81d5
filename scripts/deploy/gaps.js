// What the emulator cannot do, in one table. Each entry names the resource type and attributes, what
// the emulator does, the evidence, and how the tier handles it. A re-plan may show only changes that
// an entry of kind 'read-back' covers; any other change fails the tier, and so does an entry that
// no run needed (the table must not outlive the gap). Before a read-back entry is accepted, its
// evidence call runs against the emulator and must show the attribute missing there: an entry can
// only excuse what the emulator really drops, never a difference the project causes.
'use strict';

/**
 * kind 'read-back': the emulator drops or changes a value AWS keeps; a re-plan change of exactly
 * these attributes (plus the listed `consequences`) is accepted once `probe` (Python printing
 * {"confirmed": bool, "detail": ...} against the emulator) shows the emulator's answer is the cause. 'not-implemented': moto lacks the call and
 * the emulator serves it. 'setting': an emulator option the tier sets.
 * @type {Array<{ type: string, attributes: string[], kind: 'read-back'|'not-implemented'|'setting', replaces?: boolean, consequences?: string[], emulator: string, evidence: string, probe?: (r: any) => string, handling: string }>}
 */
const GAPS = [
  {
    type: 'aws_msk_configuration, aws_msk_cluster, aws_msk_cluster_policy',
    attributes: ['(whole resource)'],
    kind: 'not-implemented',
    emulator: 'moto 5.2.1 has no CreateConfiguration, keeps a cluster in CREATING for ever and has no GetBootstrapBrokers or UpdateConnectivity',
    evidence: 'a trial apply stopped at the Kafka configuration; `test_msk_*` in scripts/emulator/test_server.py',
    handling: "served by scripts/emulator/kafka.py (in memory, AWS shapes and AWS's refusal of public access at creation)",
  },
  {
    type: 'aws_kinesis_firehose_delivery_stream',
    attributes: ['msk_source_configuration'],
    kind: 'not-implemented',
    emulator: 'moto 5.2.1 drops MSKSourceConfiguration on CreateDeliveryStream and describes no source, so the provider would replace the stream in every plan',
    evidence: '`test_firehose_msk_source_needs_the_connectivity_it_asks_for`',
    handling: 'served by scripts/emulator/server.py: the source is kept and described as AWS does, and refused as AWS refuses it when the cluster lacks the public or multi-VPC connectivity asked for',
  },
  {
    type: 'aws_budgets_budget',
    attributes: ['notification.subscriber_email_addresses', 'tags'],
    kind: 'not-implemented',
    emulator: 'no DescribeSubscribersForNotification and no tagging calls; the provider retries for ever',
    evidence: 'emulator log: `NotImplementedError: The list_tags_for_resource action has not been implemented`',
    handling: "served by scripts/emulator/server.py from moto's own budget data",
  },
  {
    type: 'aws_efs_backup_policy, aws_efs_file_system_policy',
    attributes: ['status', '(delete)'],
    kind: 'not-implemented',
    emulator: 'no PutBackupPolicy and no DeleteFileSystemPolicy (the provider retries for ever), and a disabled backup policy reads as PolicyNotFound (a destroy waits for DISABLED and fails)',
    evidence: '`test_efs_backup_policy_and_policy_deletion`',
    handling: "served by scripts/emulator/server.py on moto's file systems",
  },
  {
    type: 'aws_s3_bucket_policy',
    attributes: ['policy (aws:SecureTransport deny)'],
    kind: 'not-implemented',
    emulator: "a statement whose condition does not hold counts as a deny, so a TLS-only policy refuses every request, the S3 backend's included",
    evidence: '`test_tls_only_bucket_policy_allows_requests_over_tls`, `test_an_unconditional_bucket_deny_still_denies`',
    handling: 'the emulator serves TLS and evaluates Bool/String conditions with SecureTransport from the request',
  },
  {
    type: 'aws_route53_zone, aws_route53_record',
    attributes: ['zone_id', '(delete)', '(create again)'],
    kind: 'not-implemented',
    emulator:
      'zone ids do not start with Z (the config rightly refuses such an id for adoption); a zone still holding a delegation record below its apex can be deleted; a record created again after its deletion "already exists" when any record sorts after it',
    evidence: '`test_hosted_zone_ids_look_like_aws_ones`, `test_a_zone_holding_a_delegation_cannot_be_deleted`, `test_a_record_can_be_created_again_after_its_deletion`',
    handling: 'the emulator gives AWS-shaped ids, refuses to delete a zone with records as AWS does, and checks only records of the same name and type',
  },
  {
    type: 'aws_db_instance',
    attributes: ['resource_id', 'ca_cert_identifier', 'performance_insights_enabled', 'engine_lifecycle_support'],
    kind: 'not-implemented',
    emulator:
      'every instance has the same DbiResourceId, so with staging and prod in one account the provider finds two and fails ("couldn\'t find resource"); the CA certificate, Performance Insights and engine lifecycle settings sent at creation are never returned, so the provider modifies every instance after creating it and on every later apply',
    evidence: '`test_each_database_instance_has_its_own_resource_id_and_the_settings_it_asked_for`',
    handling: 'the emulator gives each instance its own id and returns the settings it was created with',
  },
  {
    type: '(any resource created by one call)',
    attributes: ['(retried call)'],
    kind: 'not-implemented',
    emulator:
      'under load an SDK now and then retries a call whose answer it never read; moto then carries it out twice and the retry fails (seen: InvalidGroup.Duplicate on CreateSecurityGroup, EntityAlreadyExists on CreateRole)',
    evidence: '`test_a_retried_call_gets_the_first_answer_again`',
    handling: 'moto is serialized, and a retry with the same SDK invocation id gets the first successful answer again',
  },
  {
    type: 'aws_service_discovery_private_dns_namespace',
    attributes: ['(create)'],
    kind: 'not-implemented',
    emulator: 'a second private namespace in a VPC is refused whatever its name (AWS refuses only a name the VPC already has)',
    evidence: '`test_private_cloud_map_namespaces_share_a_vpc_but_not_a_name`',
    handling: 'the emulator refuses only a repeated name in a VPC',
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
  {
    type: 'aws_vpc_security_group_ingress_rule',
    attributes: ['description'],
    kind: 'read-back',
    emulator: 'a rule that references a security group loses its description',
    evidence: 'checked each run: `ec2.describe_security_group_rules` has no Description',
    probe: (r) =>
      `s = c('ec2').describe_security_group_rules(SecurityGroupRuleIds=['${r.security_group_rule_id}'])['SecurityGroupRules'][0]\nprint(json.dumps({'confirmed': not s.get('Description'), 'detail': s.get('ReferencedGroupInfo')}))`,
    handling: 'accepted in the re-plan (in-place update of the description)',
  },
  {
    type: 'aws_db_parameter_group',
    attributes: ['parameter'],
    kind: 'read-back',
    emulator: 'DescribeDBParameters returns the parameters the stack set without their Source, and the provider keeps only Source=user ones, so they read back as absent',
    evidence: 'checked each run: `rds.describe_db_parameters(Source="user")` entries carry no Source',
    probe: (r) =>
      `s = c('rds').describe_db_parameters(DBParameterGroupName='${r.name}', Source='user')['Parameters']\nprint(json.dumps({'confirmed': all(p.get('Source') != 'user' for p in s), 'detail': s}))`,
    handling: 'accepted in the re-plan (in-place update)',
  },
  {
    type: 'aws_launch_template',
    attributes: ['tag_specifications'],
    consequences: ['default_version', 'latest_version'],
    kind: 'read-back',
    emulator: "copies the template's own tags into version 1 as a `launch-template` tag specification",
    evidence: 'checked each run: `ec2.describe_launch_template_versions` shows a launch-template TagSpecification the stack never sent',
    probe: (r) =>
      `v = c('ec2').describe_launch_template_versions(LaunchTemplateId='${r.id}', Versions=['$Latest'])['LaunchTemplateVersions'][0]['LaunchTemplateData']\nprint(json.dumps({'confirmed': any(t['ResourceType'] == 'launch-template' for t in v.get('TagSpecifications', [])), 'detail': v.get('TagSpecifications')}))`,
    handling: 'accepted in the re-plan (a new template version)',
  },
];

/**
 * Splits a re-plan's changes into those read-back gaps cover and the rest (findings). A change is
 * covered when every attribute it changes is a gap attribute of its type or a listed consequence
 * (a computed value that moves because the resource is updated or replaced), at least one is a gap
 * attribute, and a replacement is forced only by attributes of a gap that says it replaces.
 * Returns { findings, covered: [{ change, gap }] }.
 */
function classifyChanges(changes, gaps = GAPS) {
  const findings = [];
  const covered = [];
  for (const change of changes) {
    const candidates = gaps.filter((g) => g.kind === 'read-back' && g.type === change.type);
    const attributes = new Set(candidates.flatMap((g) => g.attributes));
    const allowed = new Set([...attributes, ...candidates.flatMap((g) => g.consequences ?? [])]);
    const replacing = new Set(candidates.filter((g) => g.replaces).flatMap((g) => g.attributes));
    const causes = change.changed.filter((a) => attributes.has(a));
    const fits =
      causes.length > 0 &&
      change.changed.every((a) => allowed.has(a)) &&
      (change.replacePaths ?? []).every((a) => replacing.has(a)) &&
      (!change.actions.includes('delete') || (change.replacePaths ?? []).length > 0);
    if (!fits) {
      findings.push(change);
      continue;
    }
    for (const gap of candidates.filter((g) => g.attributes.some((a) => causes.includes(a)))) covered.push({ change, gap });
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
