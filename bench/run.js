// `npm run bench`: wall time and peak memory of the project's tiers on the same stacks.
//   (a) the project's synth path      node -r ./scripts/swc-register.js main.ts (swc, no type check)
//   (b) cdktf synth, template default  cdktf synth --app "npx ts-node main.ts" (type-checks)
//   (b') cdktf synth, this project     cdktf synth (app from cdktf.json, i.e. (a) under the CLI)
// `cdktf` is node_modules/.bin/cdktf, what a global install runs; `npx cdktf` adds about 1 s.
//   (c) unit tests                      jest, without *.e2e.test.ts
//   (c') end-to-end tests               jest *.e2e.test.ts (whole processes)
//   (d) Terraform tier                  init + validate + mocked plan of every stack
// Each command runs BENCH_RUNS times (default 3, `--quick` = 1); the table shows the median wall
// and CPU time and the highest peak RSS (GNU time's %M: the largest single process of the tree).
// This is a measurement, not a test: it prints figures and never fails on a target.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { prepareTerraformEnv } = require('../scripts/terraform-cli-config');

const root = path.resolve(__dirname, '..');
const runs = process.argv.includes('--quick') ? 1 : Number(process.env.BENCH_RUNS ?? 3);
const GNU_TIME = '/usr/bin/time';
const hasGnuTime = fs.existsSync(GNU_TIME);
const cdktf = path.join(root, 'node_modules', '.bin', 'cdktf');
const env = { ...prepareTerraformEnv(root).env, CHECKPOINT_DISABLE: '1', CI: process.env.CI ?? '' };

/**
 * Runs `command` once; returns wall seconds, peak RSS in MiB and CPU seconds (user + system, all
 * waited-for processes; less sensitive than wall time to other work on the machine). Memory and
 * CPU are undefined without GNU time.
 */
function measureOnce(command, args, extraEnv) {
  const report = path.join(os.tmpdir(), `atlas-bench-${process.pid}-${Date.now()}.txt`);
  const started = process.hrtime.bigint();
  const result = hasGnuTime
    ? spawnSync(GNU_TIME, ['-f', '%e %M %U %S', '-o', report, command, ...args], { cwd: root, env: { ...env, ...extraEnv }, encoding: 'utf8' })
    : spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  if (!hasGnuTime) return { seconds: wall, mib: undefined, cpu: undefined };
  const [seconds, kib, user, system] = fs.readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  fs.rmSync(report, { force: true });
  return { seconds, mib: kib / 1024, cpu: user + system };
}

function measure(label, command, args, { extraEnv = {}, outdir } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
    samples.push(measureOnce(command, args, extraEnv));
    process.stderr.write(`  ${label}: run ${i + 1}/${runs} ${samples[i].seconds.toFixed(2)} s\n`);
  }
  const times = samples.map((s) => s.seconds).sort((x, y) => x - y);
  const mibs = samples.map((s) => s.mib).filter((m) => m !== undefined);
  const cpus = samples
    .map((s) => s.cpu)
    .filter((c) => c !== undefined)
    .sort((x, y) => x - y);
  return {
    label,
    seconds: times[Math.floor(times.length / 2)],
    mib: mibs.length ? Math.max(...mibs) : undefined,
    cpu: cpus.length ? cpus[Math.floor(cpus.length / 2)] : undefined,
  };
}

function main() {
  const loadBefore = os.loadavg()[0];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
  const out = (name) => path.join(tmp, name);
  process.stderr.write(`bench: ${runs} run(s) per row${hasGnuTime ? '' : ' (no /usr/bin/time: peak memory not measured)'}\n`);
  try {
    const rows = [
      measure('(a) project synth', process.execPath, ['-r', './scripts/swc-register.js', 'main.ts'], { extraEnv: { CDKTF_OUTDIR: out('a') }, outdir: out('a') }),
      measure('(b) cdktf synth, template app (ts-node)', cdktf, ['synth', '--app', 'npx ts-node main.ts', '--output', out('b')], { outdir: out('b') }),
      measure("(b') cdktf synth, project app", cdktf, ['synth', '--output', out('b2')], { outdir: out('b2') }),
      measure('(c) unit tests (npm run test:unit)', process.execPath, [path.join('node_modules', 'jest', 'bin', 'jest.js'), '--silent', '--testPathIgnorePatterns', '\\.e2e\\.test\\.ts$']),
      measure("(c') end-to-end tests (npm run test:e2e)", process.execPath, [path.join('node_modules', 'jest', 'bin', 'jest.js'), '--silent', '\\.e2e\\.test\\.ts$']),
    ];
    // The tier checks cdktf.out/stacks, so it gets a fresh synth of the same commit first.
    measureOnce(process.execPath, ['-r', './scripts/swc-register.js', 'main.ts'], {});
    rows.push(measure('(d) Terraform tier (validate + mocked plan)', process.execPath, ['scripts/terraform-tier.js']));
    print(rows, loadBefore);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function print(rows, loadBefore) {
  const [a, b, b2] = rows;
  const machine = `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.platform()} ${os.release()}, node ${process.version}`;
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; median of ${runs} run(s).`,
    // Other work on the machine skews every figure; the 1-minute load average shows how much.
    `Load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${os.loadavg()[0].toFixed(2)} (${os.cpus().length} CPUs).`,
    '',
    '| step | wall time | CPU time (user+sys) | peak RSS |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} s | ${r.cpu === undefined ? 'n/a' : `${r.cpu.toFixed(2)} s`} | ${r.mib === undefined ? 'n/a' : `${r.mib.toFixed(0)} MiB`} |`),
    '',
    `(a)/(b) wall time: ${(a.seconds / b.seconds).toFixed(3)} ((a) is ${(b.seconds / a.seconds).toFixed(1)}x faster than (b))`,
    `(a)/(b') wall time: ${(a.seconds / b2.seconds).toFixed(3)} (the CLI's own overhead around the same app)`,
  ];
  if (a.cpu !== undefined && b.cpu !== undefined) lines.push(`(a)/(b) CPU time: ${(a.cpu / b.cpu).toFixed(3)} ((a) uses ${(b.cpu / a.cpu).toFixed(1)}x less CPU than (b))`);
  if (a.mib !== undefined && b.mib !== undefined) lines.push(`(a)/(b) peak RSS: ${(a.mib / b.mib).toFixed(3)}`);
  console.log(lines.join('\n'));
}

main();
