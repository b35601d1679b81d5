// `npm run plan:mock`: a real `terraform plan` of every stack without an AWS account, against a local
// moto server (pip install "moto[server]"; not a project dependency, so this is not part of npm test).
// It applies the bootstrap to the mock, then plans every other stack through the S3 backend the
// bootstrap created. What it proves: the synthesized JSON initializes and plans with the real
// provider; what it cannot: AWS-side validation (moto accepts what AWS might refuse).
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { exportHcl } = require('./export-hcl');
const { prepareTerraformEnv } = require('./terraform-cli-config');

const root = path.resolve(__dirname, '..');
const SERVICES = ['sts', 's3', 'dynamodb', 'ssm', 'iam', 'ec2', 'route53', 'acm', 'elbv2', 'ecs', 'efs', 'cognitoidp', 'sns', 'kms', 'budgets', 'logs', 'autoscaling', 'cloudwatch', 'secretsmanager', 'kafka', 'rds', 'ecr', 'servicediscovery'];

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function sh(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** Python against the mock with boto3 (installed with moto). */
function boto(endpoint, region, code) {
  const prelude = `import boto3, json, urllib3\nurllib3.disable_warnings()\nc = lambda s: boto3.client(s, endpoint_url='${endpoint}', verify=False, aws_access_key_id='mock', aws_secret_access_key='mock', region_name='${region}')\n`;
  const result = sh('python3', ['-c', prelude + code]);
  if (!result.ok) throw new Error(`mock setup failed:\n${result.output}`);
}

async function main() {
  if (!sh('moto_server', ['--help']).ok) {
    console.warn('SKIPPED: moto_server is not on PATH. Fix: pip install "moto[server]"');
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-mock-plan-'));
  const outdir = path.join(work, 'out');
  const synth = sh(process.execPath, ['-r', './scripts/swc-register.js', 'main.ts'], { cwd: root, env: { ...process.env, CDKTF_OUTDIR: outdir } });
  if (!synth.ok) throw new Error(synth.output);
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const stacks = Object.keys(manifest.stacks).sort((a, b) => (a === 'bootstrap' ? -1 : b === 'bootstrap' ? 1 : a.localeCompare(b)));
  const json = (stack) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  const account = json(stacks[0]).provider.aws[0].allowed_account_ids[0];

  const port = await freePort();
  const endpoint = `https://127.0.0.1:${port}`;
  // The provider checks allowed_account_ids through STS: the mock answers with the config's account.
  const moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port), '--ssl'], { env: { ...process.env, MOTO_ACCOUNT_ID: account }, stdio: 'ignore' });
  const failures = [];
  let checks = 0;
  try {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const endpoints = Object.fromEntries(SERVICES.map((s) => [s, endpoint]));
    const override = { provider: { aws: { access_key: 'mock', secret_key: 'mock', insecure: true, s3_use_path_style: true, skip_metadata_api_check: 'true', endpoints: [endpoints] } } };
    const backendConfig = path.join(work, 'mock.s3.tfbackend');
    fs.writeFileSync(
      backendConfig,
      [`endpoints = { s3 = "${endpoint}", dynamodb = "${endpoint}", sts = "${endpoint}", iam = "${endpoint}" }`, 'use_path_style = true', 'insecure = true', 'skip_metadata_api_check = true', 'access_key = "mock"', 'secret_key = "mock"'].join('\n'),
    );
    const { env } = prepareTerraformEnv(root);
    // `jsonDir` holds the stack's cdk.tf.json when `dir` holds its HCL export.
    const planStack = (dir, stack, jsonDir = dir) => {
      const cwd = path.join(dir, 'stacks', stack);
      const config = JSON.parse(fs.readFileSync(path.join(jsonDir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
      fs.writeFileSync(path.join(cwd, 'mock_override.tf.json'), JSON.stringify(override));
      const vars = Object.fromEntries(Object.entries(config.variable ?? {}).filter(([, v]) => v.default === undefined).map(([name]) => [`TF_VAR_${name}`, 'mock-value']));
      const tfEnv = { ...env, ...vars };
      const s3 = config.terraform.backend?.s3 !== undefined;
      const init = sh('terraform', ['init', '-input=false', '-no-color', ...(s3 ? [`-backend-config=${backendConfig}`] : [])], { cwd, env: tfEnv });
      if (!init.ok) return { ok: false, output: `init\n${init.output}` };
      // Parameters other stacks read are written by stacks this run only plans: seed placeholders.
      const reads = Object.values(config.data?.aws_ssm_parameter ?? {}).map((d) => d.name).filter((n) => !n.startsWith('/aws/'));
      if (reads.length > 0) boto(endpoint, config.provider.aws[0].region, `for n in ${JSON.stringify(reads)}:\n  c('ssm').put_parameter(Name=n, Value='mock-' + n.split('/')[-1], Type='String', Overwrite=True)\n`);
      const plan = sh('terraform', ['plan', '-input=false', '-no-color', '-out=tfplan'], { cwd, env: tfEnv });
      const summary = plan.output.match(/^Plan: .*$/m)?.[0] ?? plan.output.match(/No changes\..*/)?.[0];
      if (!plan.ok || !summary) return { ok: false, output: `plan\n${plan.output.slice(-4000)}` };
      return { ok: true, summary, cwd, tfEnv, config };
    };
    const report = (label, result, expect) => {
      checks += 1;
      const ok = result.ok && (!expect || expect.test(result.summary));
      if (!ok) failures.push(label);
      console.log(ok ? `  ok    ${label}: ${result.summary}` : `  FAIL  ${label}: ${result.output ?? `${result.summary} (expected ${expect})`}`);
    };

    const summaries = new Map();
    for (const stack of stacks) {
      const result = planStack(outdir, stack);
      report(stack, result);
      summaries.set(stack, result.summary);
      if (stack === 'bootstrap' && result.ok) {
        const apply = sh('terraform', ['apply', '-input=false', '-no-color', 'tfplan'], { cwd: result.cwd, env: result.tfEnv });
        if (!apply.ok) throw new Error(`bootstrap apply to the mock failed:\n${apply.output}`);
        // moto denies every request under a policy with a SecureTransport condition (it does not
        // evaluate the condition), so the TLS-only policy is lifted in the mock only.
        boto(endpoint, result.config.provider.aws[0].region, `c('s3').delete_bucket_policy(Bucket='${result.config.resource.aws_s3_bucket.state.bucket}')\n`);
      }
    }

    // Exit path: the HCL export plans exactly like the JSON against the same state (the export's
    // bootstrap resolves its relative local state path to the same file as the JSON's).
    summaries.set('bootstrap', planStack(outdir, 'bootstrap').summary);
    const hclDir = path.join(work, 'hcl');
    exportHcl(hclDir);
    for (const stack of stacks) {
      const expected = new RegExp(`^${(summaries.get(stack) ?? 'no JSON plan').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
      report(`hcl/${stack}`, planStack(hclDir, stack, outdir), expected);
    }

    // Adoption: the bucket and table now exist; a certificate is made "by hand" in the mock. A
    // fresh bootstrap state and base-infra configured to adopt them must plan imports, not creates.
    // (moto's hosted zone IDs do not start with "Z", which the config rightly requires, so the zone
    // import is covered by the Terraform tier's validate only.)
    const region = json('base-infra-staging').provider.aws[0].region;
    const arnFile = path.join(work, 'certificate-arn');
    boto(endpoint, region, `open('${arnFile}', 'w').write(c('acm').request_certificate(DomainName='*.${json('base-infra-staging').resource.aws_route53_zone.dns_zone.name}', SubjectAlternativeNames=['${json('base-infra-staging').resource.aws_route53_zone.dns_zone.name}'], ValidationMethod='DNS')['CertificateArn'])\n`);
    // Two levels down, so the bootstrap's relative local state path lands in a fresh place.
    const adoptDir = path.join(work, 'adopt', 'out');
    const fixture = sh(process.execPath, ['-r', './scripts/swc-register.js', 'scripts/adoption-fixture.ts', adoptDir, JSON.stringify({ certificateArn: fs.readFileSync(arnFile, 'utf8') })], { cwd: root });
    if (!fixture.ok) throw new Error(fixture.output);
    report('adopt/bootstrap', planStack(adoptDir, 'bootstrap'), /^Plan: 2 to import,/);
    report('adopt/base-infra-staging', planStack(adoptDir, 'base-infra-staging'), /^Plan: 1 to import,/);
  } finally {
    moto.kill();
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`mock plan: ${failures.length} of ${checks} plans failed: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
