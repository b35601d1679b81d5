// The real-Terraform test tier: for every synthesized stack, `terraform init -backend=false`,
// `terraform validate` and a mocked plan (`terraform test` with the committed files under
// terraform-tests/<stack>/, copied into the stack's tests/ directory) on the JSON the operators
// will plan. A synthesized stack without terraform-tests/<stack>/ fails the tier: every stack gets
// a mocked plan. Offline through a local provider mirror when the machine has one (see
// terraform-cli-config.js). In CI a missing Terraform binary fails the run; on a workstation it is
// reported and skipped. Example tenants under examples/<name>/ (their own apps) are synthesized
// and checked the same way, with their tests from examples/<name>/tests/.
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

/** Copies the target's *.tftest.hcl (and any mock files) into its stack directory's tests/. */
function copyStackTests(target) {
  const source = target.tests;
  const files = fs.existsSync(source)
    ? fs
        .readdirSync(source)
        .filter((f) => /\.(tftest|tfmock)\.(hcl|json)$/.test(f))
        .sort()
    : [];
  if (!files.some((f) => /\.tftest\.(hcl|json)$/.test(f))) return 0;
  const destination = path.join(target.dir, 'tests');
  fs.rmSync(destination, { recursive: true, force: true });
  fs.mkdirSync(destination, { recursive: true });
  for (const file of files) fs.copyFileSync(path.join(source, file), path.join(destination, file));
  return files.length;
}

/** The app's stacks, then every example tenant's stacks (synthesized here by its own main.ts). */
async function targets() {
  if (!fs.existsSync(stacksDir)) throw new Error('cdktf.out/stacks is missing. Fix: run `npm run synth` first');
  const list = fs
    .readdirSync(stacksDir)
    .sort()
    .map((stack) => ({ stack, dir: path.join(stacksDir, stack), tests: path.join(testsDir, stack) }));
  const examplesDir = path.join(root, 'examples');
  const examples = fs.existsSync(examplesDir) ? fs.readdirSync(examplesDir).sort() : [];
  for (const example of examples.filter((e) => fs.existsSync(path.join(examplesDir, e, 'main.ts')))) {
    const dir = path.join(examplesDir, example);
    // In the example's own directory, as a tenant runs it; the package name resolves to src/ here.
    const { CDKTF_OUTDIR: _outdir, ...env } = process.env;
    await run(process.execPath, ['-r', path.join(__dirname, 'swc-register.js'), '-r', path.join(__dirname, 'package-source.js'), 'main.ts'], { cwd: dir, env });
    const outStacks = path.join(dir, 'cdktf.out', 'stacks');
    for (const stack of fs.readdirSync(outStacks).sort()) {
      list.push({ stack: `examples/${example}/${stack}`, dir: path.join(outStacks, stack), tests: path.join(dir, 'tests') });
    }
  }
  // Validate-only targets: the HCL export (exit path) and stacks with every adoption option set.
  for (const extra of operatorTargets(root)) list.push({ stack: extra.name, dir: extra.cwd });
  return list;
}

async function checkStack(target, env, initialized = () => {}) {
  const { stack, dir: cwd } = target;
  const started = Date.now();
  if (target.tests && copyStackTests(target) === 0) {
    const output = `no mocked-plan test for stack ${stack}. Fix: for a base-infra, monitoring or atlas stack of a new environment run \`npm run mocked-plans\`; for a new stack add ${path.relative(root, target.tests)}/plan.tftest.hcl (mock_provider "aws" + run { command = plan }); see terraform-tests/bootstrap/ for an example`;
    return { stack, ok: false, step: 'test', output };
  }
  const init = await terraform(['init', '-backend=false', '-input=false'], cwd, env);
  initialized();
  if (!init.ok) return { stack, ok: false, step: 'init', output: init.output };
  const validate = await terraform(['validate'], cwd, env);
  if (!validate.ok) return { stack, ok: false, step: 'validate', output: validate.output };
  if (!target.tests) return { stack, ok: true, seconds: (Date.now() - started) / 1000, runs: 0 };
  const test = await terraform(['test'], cwd, env);
  if (!test.ok) return { stack, ok: false, step: 'test', output: test.output };
  const passed = /(\d+) passed, 0 failed/.exec(test.output);
  const runs = passed ? Number(passed[1]) : 0;
  if (runs === 0) {
    return { stack, ok: false, step: 'test', output: `${test.output}\nno run block passed. Fix: give ${path.relative(root, target.tests)}/ a run { command = plan } block with assertions` };
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
  const stacks = await targets();
  console.log(`terraform tier: ${stacks.length} stacks, provider ${env.mirror ? `from mirror ${env.mirror}` : 'from the registry'}`);

  // Terraform's plugin cache is not safe for concurrent writers: two inits unpacking the provider
  // into an empty cache at once can fail ("failed to compute a checksum"). The first init fills
  // the cache alone; every later one only links to it, so the other workers wait for it.
  let cacheFilled;
  const cacheReady = new Promise((resolve) => (cacheFilled = resolve));
  const results = [];
  const queue = [...stacks];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      if (worker > 0) await cacheReady;
      for (let target = queue.shift(); target; target = queue.shift()) {
        const result = await checkStack(target, env.env, cacheFilled);
        results.push(result);
        const { stack } = target;
        const checked = target.tests ? `validate + mocked plan, ${result.runs} test run(s) passed` : 'validate';
        console.log(result.ok ? `  ok    ${stack}: ${checked} (${result.seconds.toFixed(1)} s)` : `  FAIL  ${stack}: terraform ${result.step}\n${result.output}`);
      }
      cacheFilled(); // the queue ran out before any init (every target failed earlier)
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
