// The offline AWS for the deploy tier: moto's server plus the project's additions
// (scripts/emulator/server.py), on 127.0.0.1 and a port the server picks itself, over TLS with a
// certificate it makes. Python with moto comes from the machine when it has it; otherwise moto is
// installed into a project-local virtual environment. The tier never skips for want of moto.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const MOTO = 'moto[server]==5.2.1';
const serverScript = path.join(__dirname, '..', 'emulator', 'server.py');

/** A python3 that can import moto's server: the machine's, or a venv under `.tmp/` made for it. */
function ensurePython(root) {
  const probe = (python) => spawnSync(python, ['-c', 'import moto.server, boto3, cryptography'], { encoding: 'utf8' }).status === 0;
  if (probe('python3')) return 'python3';
  const venv = path.join(root, '.tmp', 'emulator-venv');
  const python = path.join(venv, 'bin', 'python');
  if (fs.existsSync(python) && probe(python)) return python;
  console.log(`deploy tier: moto is not installed for python3; installing ${MOTO} into ${path.relative(root, venv)}`);
  const steps = [
    ['python3', ['-m', 'venv', venv]],
    [python, ['-m', 'pip', 'install', '--quiet', MOTO, 'boto3']],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { encoding: 'utf8', stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`could not install moto (${command} ${args.join(' ')} failed). Fix: install it with pip install "${MOTO}" boto3, or give this machine access to PyPI`);
  }
  return python;
}

/**
 * Starts the emulator and resolves once it accepts requests. `account` is what STS answers, so
 * the provider's allowed_account_ids check passes for the configured account.
 */
function startEmulator({ python, account, workDir, logFile }) {
  const env = {
    ...process.env,
    MOTO_ACCOUNT_ID: account,
    // AWS managed policies (the ECS task execution role attaches one) exist only when loaded.
    MOTO_IAM_LOAD_MANAGED_POLICIES: 'true',
    // Requested certificates are issued at once (AWS: after DNS validation).
    MOTO_ACM_VALIDATION_WAIT: '0',
  };
  const log = fs.openSync(logFile, 'a');
  const child = spawn(python, [serverScript, '--certs', path.join(workDir, 'certs')], { env, stdio: ['ignore', 'pipe', log] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`the emulator did not start within 60 s; see ${logFile}`)), 60_000);
    child.on('exit', (code) => reject(new Error(`the emulator exited with ${code} before it was ready; see ${logFile}`)));
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const ready = /^READY (\d+) (.+)$/m.exec(buffer);
      if (!ready) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const endpoint = `https://127.0.0.1:${ready[1]}`;
      resolve({
        endpoint,
        caBundle: ready[2].trim(),
        pid: child.pid,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', done);
            process.kill(child.pid, 'SIGTERM');
          }),
      });
    });
  });
}

/** Runs a Python snippet with boto3 clients `c('<service>')` against the emulator; returns its JSON. */
function probe(python, awsEnv, code) {
  const prelude = 'import boto3, json, sys\nc = lambda s: boto3.client(s)\n';
  const result = spawnSync(python, ['-c', `${prelude}${code}`], { env: { ...process.env, ...awsEnv }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`emulator probe failed:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

module.exports = { ensurePython, probe, startEmulator };
