// `npm run test:deploy`: every stack applied for real against an offline AWS (moto plus the
// project's additions, scripts/emulator/), as an operator would: the bootstrap with local state and
// then migrated into its bucket (README "Bootstrap"), staging through `cdktf deploy '*-staging'`,
// prod through plain `terraform init/apply` on the synthesized JSON, the Atlas stacks in the MSK
// two-phase flow. Then every stack, JSON and HCL export, is planned again and must show no change
// but the emulator gaps listed in scripts/deploy/gaps.js; adoption of existing resources must import
// without changes; prod's destroy must be refused by prevent_destroy; staging is destroyed to an
// empty state and applied again. The synthesized output is applied unchanged: AWS_ENDPOINT_URL and
// AWS_CA_BUNDLE point the provider and the S3 backend at the emulator.
'use strict';
const fs = require('fs');
const path = require('path');
const { ensurePython, probe, startEmulator } = require('./deploy/emulator');
const { classifyChanges, unusedGaps } = require('./deploy/gaps');
const { copyProject, edit, setMskPhase, switchBootstrapToS3 } = require('./deploy/scratch');
const { planChanges, run, stateList, stopAll, terraform } = require('./deploy/terraform');
const { prepareTerraformEnv } = require('./terraform-cli-config');

const root = path.resolve(__dirname, '..');
const work = path.join(root, '.tmp', 'deploy-tier');
// moto serves one request at a time; more parallel requests than this only queue up.
const PARALLELISM = '-parallelism=20';
const rows = new Map(); // stack -> { applied, replan, destroy, seconds }

function row(stack) {
  if (!rows.has(stack)) rows.set(stack, { applied: 0, replan: '', destroy: '', seconds: 0 });
  return rows.get(stack);
}

function stackDir(copy, stack, out = 'cdktf.out') {
  return path.join(copy, out, 'stacks', stack);
}

async function synth(copy, context) {
  const result = await run(process.execPath, ['-r', './scripts/swc-register.js', 'main.ts'], { cwd: copy, env: context.env, log: context.log });
  if (!result.ok) throw new Error(`synth failed in ${copy}:\n${result.output.slice(-4000)}`);
}

/** `terraform init && terraform apply` in a synthesized stack directory; records the resources. */
async function apply(copy, stack, context) {
  const cwd = stackDir(copy, stack);
  const init = await terraform(['init', '-input=false'], cwd, context);
  const applied = await terraform(['apply', '-input=false', '-auto-approve', PARALLELISM], cwd, context);
  const entry = row(stack);
  entry.seconds += init.seconds + applied.seconds;
  entry.applied = (await stateList(cwd, context)).filter((a) => !a.startsWith('data.')).length;
  console.log(`  applied  ${stack} (terraform, ${applied.seconds.toFixed(0)} s)`);
}

/** `cdktf deploy <selection>` in a copy, the way the README's daily loop runs it. */
async function cdktfDeploy(copy, selection, context, extra = []) {
  const cli = path.join(copy, 'node_modules', '.bin', 'cdktf');
  // After init, cdktf runs `terraform providers lock`, which asks the registry for checksums; with
  // a local provider mirror (offline) that cannot work, and the mirror's copy is the one to use.
  const lock = context.mirror ? ['--skip-provider-lock'] : [];
  const result = await run(cli, ['deploy', ...selection, '--auto-approve', '--parallelism', '2', '--terraform-parallelism', '20', ...lock, ...extra], {
    cwd: copy,
    env: context.env,
    log: context.log,
  });
  if (!result.ok) throw new Error(`cdktf deploy ${selection.join(' ')} failed:\n${result.output.slice(-6000)}`);
  return result.seconds;
}

/** cdktf deploys the stacks of a selection together, so they share its time in the summary. */
async function recordCdktfStacks(copy, stacks, seconds, context) {
  for (const stack of stacks) {
    const entry = row(stack);
    entry.seconds += seconds;
    entry.shared = true;
    entry.applied = (await stateList(stackDir(copy, stack), context)).filter((a) => !a.startsWith('data.')).length;
  }
}

/** staging: `cdktf deploy '*-staging'` with MSK phase 'create', then phase 'enable' for Atlas. */
async function deployStaging(copy, context) {
  setMskPhase(copy, 'src/config/staging.ts', 'create');
  const first = await cdktfDeploy(copy, ['*-staging'], context);
  setMskPhase(copy, 'src/config/staging.ts', 'enable');
  const second = await cdktfDeploy(copy, ['atlas-staging'], context, ['--ignore-missing-stack-dependencies']);
  console.log(`  applied  *-staging (cdktf deploy, ${first.toFixed(0)} s; MSK enable ${second.toFixed(0)} s)`);
  await recordCdktfStacks(copy, ['base-infra-staging', 'atlas-staging', 'monitoring-staging'], first, context);
  row('atlas-staging').seconds += second;
}

/**
 * Waits until every hosted zone a stack looks up exists (prod's sub-zone is delegated from the zone
 * staging's base-infra creates, so prod's base-infra plans only once that zone is there).
 */
async function waitForLookedUpZones(copy, stack, context) {
  const json = JSON.parse(fs.readFileSync(path.join(stackDir(copy, stack), 'cdk.tf.json'), 'utf8'));
  const names = Object.values(json.data?.aws_route53_zone ?? {}).map((z) => z.name);
  for (const name of names) {
    for (let waited = 0; ; waited += 5) {
      const found = probe(context.python, context.awsEnv, `print(json.dumps(any(z['Name'] == '${name}.' for z in c('route53').list_hosted_zones()['HostedZones'])))`);
      if (found) break;
      if (waited > 900) throw new Error(`${stack} looks up the hosted zone ${name}, which no stack created within 15 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  }
}

/** prod: terraform on the synthesized JSON, base-infra first, then Atlas and monitoring side by side. */
async function deployProd(copy, context) {
  await waitForLookedUpZones(copy, 'base-infra-prod', context);
  await apply(copy, 'base-infra-prod', context);
  await Promise.all([apply(copy, 'atlas-prod', context), apply(copy, 'monitoring-prod', context)]);
  setMskPhase(copy, 'src/config/prod.ts', 'enable');
  await synth(copy, context);
  const cwd = stackDir(copy, 'atlas-prod');
  const enabled = await terraform(['apply', '-input=false', '-auto-approve', PARALLELISM], cwd, context);
  row('atlas-prod').seconds += enabled.seconds;
  console.log(`  applied  atlas-prod MSK enable (terraform, ${enabled.seconds.toFixed(0)} s)`);
}

/** Runs tasks at most `limit` at a time (each plan starts a provider process). */
async function pool(items, limit, task) {
  const queue = [...items];
  const results = [];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) results.push(await task(item));
    }),
  );
  return results;
}

/**
 * Re-plans stacks of a copy, the JSON and then the HCL export of each (one after the other: they
 * share the state and its lock); returns { findings, covered }.
 */
async function replan(copy, stacks, context) {
  const hclOut = path.join(copy, 'cdktf.hcl');
  const exported = await run(process.execPath, ['scripts/export-hcl.js', hclOut], { cwd: copy, env: context.env, log: context.log });
  if (!exported.ok) throw new Error(`HCL export failed:\n${exported.output}`);
  const findings = [];
  const covered = [];
  await pool(stacks, 2, async (stack) => {
    for (const target of [
      { label: stack, cwd: stackDir(copy, stack) },
      { label: `hcl/${stack}`, cwd: stackDir(copy, stack, 'cdktf.hcl'), init: true },
    ]) {
      if (target.init) await terraform(['init', '-input=false'], target.cwd, context);
      const { changes } = await planChanges(target.cwd, context);
      const result = classifyChanges(changes);
      findings.push(...result.findings.map((f) => ({ ...f, label: target.label })));
      covered.push(...result.covered.map((c) => ({ ...c, label: target.label })));
      const note =
        result.findings.length > 0 ? `${result.findings.length} not a gap` : result.covered.length > 0 ? `gaps only (${new Set(result.covered.map((c) => c.change.address)).size})` : 'no changes';
      const entry = row(stack);
      entry.replan = target.init ? `${entry.replan}; HCL: ${note}` : `JSON: ${note}${entry.replan}`;
      console.log(`  re-plan  ${target.label}: ${changes.length === 0 ? 'no changes' : `${changes.length} change(s), ${result.findings.length} not an emulator gap`}`);
    }
  });
  return { findings, covered };
}

/** Evidence for each read-back gap used: the emulator's own describe call must lack the attribute. */
function checkEvidence(covered, python, awsEnv) {
  const failures = [];
  const seen = new Set();
  for (const { change, gap } of covered) {
    if (seen.has(gap) || !gap.probe) continue;
    seen.add(gap);
    const answer = probe(python, awsEnv, gap.probe(change.before));
    if (!answer.confirmed)
      failures.push(
        `${gap.type} ${gap.attributes.join(', ')}: the emulator's own answer does not explain the re-plan change (${JSON.stringify(answer.detail)}), so the difference is the project's. Fix the stack, then drop the entry`,
      );
  }
  return failures;
}

/** Adoption (README "Adopting existing resources") against a fresh state: imports, nothing changed. */
async function adoptionPlan(copy, stack, adopt, context) {
  const out = path.join(work, 'adopt', stack, 'out');
  const fixture = await run(process.execPath, ['-r', './scripts/swc-register.js', 'scripts/adoption-fixture.ts', out, JSON.stringify(adopt)], { cwd: copy, env: context.env, log: context.log });
  if (!fixture.ok) throw new Error(`adoption fixture failed:\n${fixture.output}`);
  const cwd = path.join(out, 'stacks', stack);
  await terraform(['init', '-input=false', '-reconfigure', `-backend-config=key=deploy-tier-adoption/${stack}.tfstate`], cwd, context);
  return planChanges(cwd, context);
}

/**
 * An adoption plan must import exactly `imported`, each without a change, and change or destroy
 * nothing else; new resources are allowed only where `addable` matches their type.
 */
function checkAdoption(stack, { summary, imports, changes }, imported, addable) {
  const problems = [];
  const importedAddresses = imports.map((i) => i.address).sort();
  if (JSON.stringify(importedAddresses) !== JSON.stringify([...imported].sort())) problems.push(`imports ${importedAddresses.join(', ') || 'nothing'}, expected ${imported.join(', ')}`);
  for (const change of changes) {
    if (change.actions.join() === 'create' && addable.test(change.type) && !imported.includes(change.address)) continue;
    problems.push(`${change.address} would ${change.actions.join('+')} (${change.changed.join(', ')})`);
  }
  return problems.map((p) => `adoption plan of ${stack} ("${summary}"): ${p}`);
}

/** How to ask the emulator whether a protected resource still exists, from its state values. */
const STILL_THERE = {
  aws_db_instance: (v) => `c('rds').describe_db_instances(DBInstanceIdentifier='${v.identifier}')`,
  aws_msk_cluster: (v) => `c('kafka').describe_cluster(ClusterArn='${v.arn}')`,
  aws_s3_bucket: (v) => `c('s3').head_bucket(Bucket='${v.bucket}')`,
  aws_efs_file_system: (v) => `c('efs').describe_file_systems(FileSystemId='${v.id}')`,
  aws_route53_zone: (v) => `c('route53').get_hosted_zone(Id='${v.zone_id}')`,
  aws_dynamodb_table: (v) => `c('dynamodb').describe_table(TableName='${v.name}')`,
};

/** `terraform destroy` of a production stack must fail on prevent_destroy and delete nothing. */
async function refusedDestroy(copy, stack, context) {
  const cwd = stackDir(copy, stack);
  const before = await stateList(cwd, context);
  const result = await terraform(['destroy', '-input=false', '-auto-approve'], cwd, context, { allowFailure: true });
  const protectedAddresses = [...result.output.matchAll(/Resource (\S+) has lifecycle\.prevent_destroy set/g)].map((m) => m[1]);
  const after = await stateList(cwd, context);
  const shown = JSON.parse((await terraform(['show', '-json'], cwd, { ...context, log: undefined })).output);
  const values = new Map((shown.values?.root_module?.resources ?? []).map((r) => [r.address, r.values]));
  const missing = protectedAddresses.filter((address) => {
    const ask = STILL_THERE[address.split('.')[0]];
    if (!ask) return true; // a protected type the tier cannot check is a gap in the tier: fail
    return !probe(context.python, context.awsEnv, `try:\n  ${ask(values.get(address))}\n  print('true')\nexcept Exception:\n  print('false')`);
  });
  const ok = !result.ok && /Instance cannot be destroyed/.test(result.output) && protectedAddresses.length > 0 && after.length === before.length && missing.length === 0;
  row(stack).destroy = ok ? `refused by prevent_destroy (${protectedAddresses.length} resources, all still in the emulator)` : 'NOT refused';
  return { ok, protectedAddresses, output: missing.length > 0 ? `not found in the emulator: ${missing.join(', ')}` : result.output };
}

/**
 * README "Tearing down an environment": a zone the registrar points at (and that holds other
 * environments' delegations) outlives the environment. It leaves the state before the destroy...
 */
async function keepZone(copy, stack, zoneId, context) {
  await terraform(['state', 'rm', 'aws_route53_zone.dns_zone'], stackDir(copy, stack), context);
  console.log(`  state rm aws_route53_zone.dns_zone (${zoneId}) in ${stack}`);
}

/** ...and is adopted again on the next apply (`adopt.hostedZoneId`). */
function adoptZone(copy, file, zoneId) {
  const text = fs.readFileSync(path.join(copy, file), 'utf8');
  const dns = /^ {2}dns: \{.*\},$/m.exec(text);
  if (!dns) throw new Error(`deploy tier: no one-line dns section in ${file}. Fix: update adoptZone in scripts/deploy-tier.js`);
  edit(copy, file, dns[0], `${dns[0]}\n  adopt: { hostedZoneId: '${zoneId}' },`);
}

async function destroy(copy, stack, context) {
  const cwd = stackDir(copy, stack);
  const result = await terraform(['destroy', '-input=false', '-auto-approve', PARALLELISM], cwd, context);
  const left = await stateList(cwd, context);
  if (left.length > 0) throw new Error(`${stack}: destroy left ${left.length} resources in state: ${left.join(', ')}`);
  row(stack).destroy = `empty state (${result.seconds.toFixed(0)} s)`;
  console.log(`  destroyed ${stack} (${result.seconds.toFixed(0)} s)`);
}

function table() {
  const order = ['bootstrap', 'base-infra-staging', 'atlas-staging', 'monitoring-staging', 'base-infra-prod', 'atlas-prod', 'monitoring-prod'];
  const lines = ['| stack | resources applied | re-plan | destroy | seconds |', '|---|---:|---|---|---:|'];
  for (const stack of order.filter((s) => rows.has(s))) {
    const r = rows.get(stack);
    lines.push(`| \`${stack}\` | ${r.applied} | ${r.replan} | ${r.destroy || '-'} | ${r.seconds.toFixed(0)}${r.shared ? ' (one `cdktf deploy` with the other staging stacks)' : ''} |`);
  }
  return lines.join('\n');
}

async function main() {
  const started = Date.now();
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const log = path.join(work, 'deploy.log');
  const python = ensurePython(root);
  // The emulator's additions are tested before the tier trusts them.
  const selfTest = await run(python, ['-m', 'unittest', 'discover', '-s', path.join(__dirname, 'emulator')], { cwd: root, env: process.env, log });
  if (!selfTest.ok) throw new Error(`the emulator's own tests failed:\n${selfTest.output.slice(-4000)}`);
  console.log(`deploy tier: emulator tests passed (${/Ran (\d+) tests/.exec(selfTest.output)?.[1]} tests, ${selfTest.seconds.toFixed(0)} s)`);
  const tf = prepareTerraformEnv(root);
  const staging = copyProject(root, path.join(work, 'staging'));
  const prod = copyProject(root, path.join(work, 'prod'));
  const base = { env: { ...tf.env, CI: '1' }, log, mirror: tf.mirror };
  for (const copy of [staging, prod]) for (const file of ['src/config/staging.ts', 'src/config/prod.ts']) setMskPhase(copy, file, 'create');
  await synth(prod, base);
  const bootstrapJson = JSON.parse(fs.readFileSync(path.join(stackDir(prod, 'bootstrap'), 'cdk.tf.json'), 'utf8'));
  const account = bootstrapJson.provider.aws[0].allowed_account_ids[0];
  const region = bootstrapJson.provider.aws[0].region;
  const emulator = await startEmulator({ python, account, workDir: work, logFile: path.join(work, 'emulator.log') });
  // Interrupted (Ctrl-C, CI timeout): stop what this run started, by process id.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stopAll();
      emulator.stop().then(() => process.exit(130));
    });
  }
  console.log(`deploy tier: emulator on ${emulator.endpoint} (account ${account}), provider ${tf.mirror ? `from mirror ${tf.mirror}` : 'from the registry'}`);
  const awsEnv = {
    AWS_ENDPOINT_URL: emulator.endpoint,
    AWS_CA_BUNDLE: emulator.caBundle,
    AWS_ACCESS_KEY_ID: 'emulator',
    AWS_SECRET_ACCESS_KEY: 'emulator',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region, // boto3's name for it
    TF_VAR_google_client_secret: 'emulator-only-secret',
  };
  const context = { ...base, env: { ...base.env, ...awsEnv }, python, awsEnv };
  const failures = [];
  try {
    // Layer 0: local state first, then README "Bootstrap" steps 1-3 in both copies.
    await apply(prod, 'bootstrap', context);
    for (const copy of [staging, prod]) switchBootstrapToS3(copy);
    await synth(prod, context);
    await terraform(['init', '-input=false', '-migrate-state', '-force-copy'], stackDir(prod, 'bootstrap'), context);
    const migrated = probe(
      python,
      awsEnv,
      `print(json.dumps(c('s3').head_object(Bucket=${JSON.stringify(bootstrapJson.resource.aws_s3_bucket.state.bucket)}, Key='bootstrap/terraform.tfstate')['ContentLength']))`,
    );
    console.log(`  migrated bootstrap state into the bucket (${migrated} bytes)`);

    // Adopting the state bucket and lock table: both imported with no change; the bucket's settings
    // (policy, versioning, encryption, ...) are separate resources, written again by PUT on apply.
    const adoptBootstrap = await adoptionPlan(prod, 'bootstrap', {}, context);
    failures.push(...checkAdoption('bootstrap', adoptBootstrap, ['aws_s3_bucket.state', 'aws_dynamodb_table.lock'], /^aws_s3_bucket_/));
    console.log(`  adoption bootstrap: ${adoptBootstrap.summary}`);

    // Layers 1 and 2: the two environments side by side, each in dependency order.
    await Promise.all([
      deployStaging(staging, context),
      (async () => {
        await synth(prod, context);
        await deployProd(prod, context);
      })(),
    ]);

    // Then per environment: staging is re-planned, adopted and torn down while prod is re-planned
    // and its destroy refused.
    // Findings are recorded as soon as a re-plan is read, so a later failure cannot hide them.
    const covered = [];
    const report = ({ findings, covered: used }) => {
      for (const f of findings) failures.push(`${f.label}: ${f.address} would ${f.actions.join('+')} (${f.changed.join(', ')}); not an emulator gap. Fix the stack so a re-plan shows no change`);
      failures.push(...checkEvidence(used, python, awsEnv));
      covered.push(...used);
    };
    const stagingBranch = async () => {
      report(await replan(staging, ['base-infra-staging', 'atlas-staging', 'monitoring-staging'], context));
      const zone = probe(python, awsEnv, `print(json.dumps([c('ssm').get_parameter(Name=n)['Parameter']['Value'] for n in ['/infra/hosted-zone-id', '/infra/acm-cert-arn']]))`);
      // The zone and certificate live until base-infra goes, so their adoption is planned while
      // Atlas and monitoring are destroyed.
      const adoptEdge = async () => {
        const plan = await adoptionPlan(prod, 'base-infra-staging', { hostedZoneId: zone[0], certificateArn: zone[1] }, context);
        failures.push(...checkAdoption('base-infra-staging', plan, ['aws_route53_zone.dns_zone', 'aws_acm_certificate.dns_certificate'], /./));
        console.log(`  adoption base-infra-staging: ${plan.summary}`);
      };
      await Promise.all([adoptEdge(), destroy(staging, 'atlas-staging', context), destroy(staging, 'monitoring-staging', context)]);
      await keepZone(staging, 'base-infra-staging', zone[0], context);
      await destroy(staging, 'base-infra-staging', context);
      const kept = probe(python, awsEnv, `print(json.dumps(sorted(r['Name'] for r in c('route53').list_resource_record_sets(HostedZoneId='${zone[0]}')['ResourceRecordSets'] if r['Type'] == 'NS')))`);
      const delegations = Object.values(JSON.parse(fs.readFileSync(path.join(stackDir(prod, 'base-infra-prod'), 'cdk.tf.json'), 'utf8')).resource.aws_route53_record ?? {})
        .filter((r) => r.type === 'NS')
        .map((r) => `${r.name}.`);
      const lost = delegations.filter((name) => !kept.includes(name));
      if (lost.length > 0) failures.push(`staging's teardown removed prod's delegation record(s) ${lost.join(', ')} from the kept zone`);
      console.log(`  kept     staging's zone ${zone[0]} with its NS records: ${kept.join(', ')}`);
      const again = Date.now();
      adoptZone(staging, 'src/config/staging.ts', zone[0]);
      await deployStaging(staging, context);
      for (const stack of ['base-infra-staging', 'atlas-staging', 'monitoring-staging']) row(stack).destroy += ', applied again';
      console.log(`  staging applied again after its destroy (${((Date.now() - again) / 1000).toFixed(0)} s)`);
    };
    const prodBranch = async () => {
      report(await replan(prod, ['bootstrap', 'base-infra-prod', 'atlas-prod', 'monitoring-prod'], context));
      for (const stack of ['base-infra-prod', 'atlas-prod']) {
        const refused = await refusedDestroy(prod, stack, context);
        if (!refused.ok) failures.push(`${stack}: destroy was not refused by prevent_destroy:\n${refused.output.slice(-2000)}`);
        console.log(`  destroy  ${stack}: ${row(stack).destroy} ${refused.protectedAddresses.join(', ')}`);
      }
    };
    const branches = await Promise.allSettled([stagingBranch(), prodBranch()]);
    for (const branch of branches.filter((b) => b.status === 'rejected')) failures.push(branch.reason.message);
    if (branches.every((b) => b.status === 'fulfilled')) {
      for (const gap of unusedGaps(covered)) failures.push(`gap table: no re-plan needed "${gap.type} ${gap.attributes.join(', ')}". Fix: remove the entry from scripts/deploy/gaps.js and the README`);
    }
  } catch (error) {
    failures.push(error.message);
    stopAll();
  } finally {
    await emulator.stop();
  }
  const summary = table();
  fs.writeFileSync(path.join(work, 'summary.md'), `${summary}\n`);
  console.log(`\n${summary}\n\ndeploy tier: ${((Date.now() - started) / 1000).toFixed(0)} s, log ${path.relative(root, log)}`);
  if (failures.length > 0) {
    console.error(`deploy tier: ${failures.length} failure(s):\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
});
