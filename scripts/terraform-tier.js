// The real-Terraform test tier: for every synthesized stack, `terraform init -backend=false` and
// `terraform validate` on the JSON the operators will plan. Offline through a local provider
// mirror when the machine has one (see terraform-cli-config.js). In CI a missing Terraform binary
// fails the run; on a workstation it is reported and skipped.
'use strict';
const { execFile } = require('child_process');
const fs = require('fs');
const path = require('path');
const { promisify } = require('util');
const { operatorTargets } = require('./operator-tier');
const { prepareTerraformEnv } = require('./terraform-cli-config');

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const stacksDir = path.join(root, 'cdktf.out', 'stacks');
const CONCURRENCY = 2;

async function terraform(args, cwd, env) {
  try {
    const { stdout } = await run('terraform', [...args, '-no-color'], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? error.message}` };
  }
}

async function checkStack({ name: stack, cwd }, env) {
  const started = Date.now();
  const init = await terraform(['init', '-backend=false', '-input=false'], cwd, env);
  if (!init.ok) return { stack, ok: false, step: 'init', output: init.output };
  const validate = await terraform(['validate'], cwd, env);
  if (!validate.ok) return { stack, ok: false, step: 'validate', output: validate.output };
  return { stack, ok: true, seconds: (Date.now() - started) / 1000 };
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
  const stacks = fs.readdirSync(stacksDir).sort().map((name) => ({ name, cwd: path.join(stacksDir, name) }));
  stacks.push(...operatorTargets(root));
  console.log(`terraform tier: ${stacks.length} stacks, provider ${env.mirror ? `from mirror ${env.mirror}` : 'from the registry'}`);

  const results = [];
  const queue = [...stacks];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let stack = queue.shift(); stack; stack = queue.shift()) {
        const result = await checkStack(stack, env.env);
        results.push(result);
        console.log(result.ok ? `  ok    ${stack.name} (${result.seconds.toFixed(1)} s)` : `  FAIL  ${stack.name}: terraform ${result.step}\n${result.output}`);
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
