// Terraform and cdktf as an operator runs them, with a log file per command and the time it took.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const running = new Set();

/** Stops every command still running (after a failure, so no apply outlives the emulator). */
function stopAll() {
  for (const child of running) child.kill('SIGTERM');
}

/** Runs a command; resolves { ok, code, output, seconds }. The whole output also goes to `log`. */
function run(command, args, { cwd, env, log }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let output = '';
    const take = (chunk) => {
      output += chunk;
      if (log) fs.appendFileSync(log, chunk);
    };
    if (log) fs.appendFileSync(log, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => {
      running.delete(child);
      resolve({ ok: code === 0, code, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** `terraform <args> -no-color` in a stack directory; throws with the output's tail when it fails. */
async function terraform(args, cwd, context, { allowFailure = false } = {}) {
  const result = await run('terraform', [...args, '-no-color'], { cwd, env: context.env, log: context.log });
  if (!result.ok && !allowFailure) {
    throw new Error(`terraform ${args.join(' ')} failed in ${cwd}:\n${result.output.slice(-6000)}`);
  }
  return result;
}

/** The resources in a directory's state (`terraform state list`). */
async function stateList(cwd, context) {
  const { output } = await terraform(['state', 'list'], cwd, context);
  return output.split('\n').filter(Boolean);
}

/**
 * Plans with -detailed-exitcode and returns the planned changes from `terraform show -json`:
 * [{ address, type, actions, changed: [top-level attribute names whose values differ], before }], and
 * the resources it imports.
 */
async function planChanges(cwd, context, extraArgs = []) {
  const planFile = path.join(cwd, 'replan.tfplan');
  const plan = await terraform(['plan', '-input=false', '-detailed-exitcode', `-out=${planFile}`, ...extraArgs], cwd, context, { allowFailure: true });
  if (plan.code !== 0 && plan.code !== 2) throw new Error(`terraform plan failed in ${cwd}:\n${plan.output.slice(-6000)}`);
  const shown = await terraform(['show', '-json', planFile], cwd, { ...context, log: undefined });
  const json = JSON.parse(shown.output);
  const changes = (json.resource_changes ?? [])
    .filter((c) => !c.change.actions.every((a) => a === 'no-op' || a === 'read'))
    .map((c) => ({
      address: c.address,
      type: c.type,
      actions: c.change.actions,
      changed: changedAttributes(c.change),
      replacePaths: [...new Set((c.change.replace_paths ?? []).map((p) => p[0]))],
      before: c.change.before,
    }));
  const imports = (json.resource_changes ?? []).filter((c) => c.change.importing).map((c) => ({ address: c.address, actions: c.change.actions }));
  return { exitCode: plan.code, changes, imports, summary: /^(Plan: .*|No changes\..*)$/m.exec(plan.output)?.[1] ?? '' };
}

function changedAttributes(change) {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const unknown = change.after_unknown ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)]);
  return [...keys].filter((k) => unknown[k] === true || JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).sort();
}

module.exports = { changedAttributes, planChanges, run, stateList, stopAll, terraform };
