// `npm run plan -- <stack> [terraform plan args...]`: plain Terraform on the synthesized JSON, the
// way an operator (or Atlantis) runs it: synthesize, then `terraform init` and `terraform plan` in
// cdktf.out/stacks/<stack>. The init uses the stack's real backend, so it needs AWS credentials
// for the state bucket (bootstrap keeps local state until it is migrated).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { prepareTerraformEnv } = require('./terraform-cli-config');

const root = path.resolve(__dirname, '..');

/** Stack names from the synthesized manifest, sorted. */
function synthesizedStacks(outdir) {
  const manifest = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifest)) return [];
  return Object.keys(JSON.parse(fs.readFileSync(manifest, 'utf8')).stacks).sort();
}

/** The error for a missing or unknown stack name, or undefined when `stack` is valid. */
function stackProblem(stack, valid) {
  if (!stack) return `no stack given. Fix: npm run plan -- <stack>, one of: ${valid.join(', ')}`;
  if (!valid.includes(stack)) return `unknown stack "${stack}". Fix: use one of: ${valid.join(', ')}`;
  return undefined;
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function main(argv) {
  const [stack, ...planArgs] = argv;
  const synth = run(process.execPath, ['-r', './scripts/swc-register.js', 'main.ts'], { cwd: root });
  if (synth !== 0) return synth;
  // The app writes where CDKTF_OUTDIR points, as under the cdktf CLI.
  const outdir = path.resolve(root, process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  const problem = stackProblem(stack, synthesizedStacks(outdir));
  if (problem) {
    console.error(`plan: ${problem}`);
    return 2;
  }
  const cwd = path.join(outdir, 'stacks', stack);
  const { env } = prepareTerraformEnv(root);
  const init = run('terraform', ['init', '-input=false'], { cwd, env });
  if (init !== 0) return init;
  return run('terraform', ['plan', '-input=false', ...planArgs], { cwd, env });
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { stackProblem, synthesizedStacks };
