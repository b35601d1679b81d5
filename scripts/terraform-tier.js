// The real-Terraform test tier: for every synthesized stack, `terraform init -backend=false`,
// `terraform validate` and a mocked plan (`terraform test` with the committed files under
// terraform-tests/<stack>/, copied into the stack's tests/ directory) on the JSON the operators
// will plan. A synthesized stack without terraform-tests/<stack>/ fails the tier: every stack gets
// a mocked plan. Offline through a local provider mirror when the machine has one (see
// terraform-cli-config.js). In CI a missing Terraform binary fails the run; on a workstation it is
// reported and skipped.
'use strict';
const { execFile } = require('child_process');
const fs = require('fs');
const path = require('path');
const { promisify } = require('util');
const { prepareTerraformEnv } = require('./terraform-cli-config');

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const stacksDir = path.join(root, 'cdktf.out', 'stacks');
const testsDir = path.join(root, 'terraform-tests');
const CONCURRENCY = 2;

async function terraform(args, cwd, env) {
  try {
    const { stdout } = await run('terraform', [...args, '-no-color'], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? error.message}` };
  }
}

/** Copies terraform-tests/<stack>/*.tftest.hcl (and any mock files) into the stack's tests/ dir. */
function copyStackTests(stack) {
  const source = path.join(testsDir, stack);
  const files = fs.existsSync(source) ? fs.readdirSync(source).filter((f) => /\.(tftest|tfmock)\.(hcl|json)$/.test(f)).sort() : [];
  if (!files.some((f) => /\.tftest\.(hcl|json)$/.test(f))) return 0;
  const target = path.join(stacksDir, stack, 'tests');
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const file of files) fs.copyFileSync(path.join(source, file), path.join(target, file));
  return files.length;
}

async function checkStack(stack, env) {
  const cwd = path.join(stacksDir, stack);
  const started = Date.now();
  if (copyStackTests(stack) === 0) {
    const output = `no mocked-plan test for stack ${stack}. Fix: add terraform-tests/${stack}/plan.tftest.hcl (mock_provider "aws" + run { command = plan }); see terraform-tests/base-infra-staging/ for an example`;
    return { stack, ok: false, step: 'test', output };
  }
  const init = await terraform(['init', '-backend=false', '-input=false'], cwd, env);
  if (!init.ok) return { stack, ok: false, step: 'init', output: init.output };
  const validate = await terraform(['validate'], cwd, env);
  if (!validate.ok) return { stack, ok: false, step: 'validate', output: validate.output };
  const test = await terraform(['test'], cwd, env);
  if (!test.ok) return { stack, ok: false, step: 'test', output: test.output };
  const passed = /(\d+) passed, 0 failed/.exec(test.output);
  const runs = passed ? Number(passed[1]) : 0;
  if (runs === 0) {
    return { stack, ok: false, step: 'test', output: `${test.output}\nno run block passed. Fix: give terraform-tests/${stack}/ a run { command = plan } block with assertions` };
  }
  return { stack, ok: true, seconds: (Date.now() - started) / 1000, runs };
}

async function main() {
  const env = prepareTerraformEnv(root);
  try {
    await run('terraform', ['version'], { env: env.env });
  } catch {
    const message = 'terraform is not on PATH: the Terraform tier cannot run. Install Terraform >= 1.7.';
    if (process.env.CI) throw new Error(message);
    console.warn(`SKIPPED: ${message}`);
    return;
  }
  if (!fs.existsSync(stacksDir)) throw new Error('cdktf.out/stacks is missing. Fix: run `npm run synth` first');
  const stacks = fs.readdirSync(stacksDir).sort();
  console.log(`terraform tier: ${stacks.length} stacks, provider ${env.mirror ? `from mirror ${env.mirror}` : 'from the registry'}`);

  const results = [];
  const queue = [...stacks];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let stack = queue.shift(); stack; stack = queue.shift()) {
        const result = await checkStack(stack, env.env);
        results.push(result);
        console.log(result.ok ? `  ok    ${stack}: validate + mocked plan, ${result.runs} test run(s) passed (${result.seconds.toFixed(1)} s)` : `  FAIL  ${stack}: terraform ${result.step}\n${result.output}`);
      }
    }),
  );
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    console.error(`terraform tier: ${failed.length} of ${results.length} stacks failed: ${failed.map((r) => r.stack).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
