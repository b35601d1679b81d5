// Scratch copies of the project for the deploy tier. The tier changes configuration the way the
// README tells an operator to (edit src/config/<env>.ts, synthesize again), and it must never touch
// the checkout it runs from, so every edit lands in a copy that shares node_modules by a link.
'use strict';
const fs = require('fs');
const path = require('path');

const SKIP = new Set(['node_modules', '.git', 'cdktf.out', 'cdktf.hcl', '.tmp', '.terraform-cli', '.gen', 'coverage', 'dist']);

function copyProject(root, target) {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const keep = (source) => {
    const name = path.basename(source);
    return !SKIP.has(name) && name !== '.terraform' && !name.endsWith('.tfstate');
  };
  for (const entry of fs.readdirSync(root).filter((e) => keep(path.join(root, e)))) {
    fs.cpSync(path.join(root, entry), path.join(target, entry), { recursive: true, filter: keep });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(target, 'node_modules'), 'dir');
  return target;
}

/**
 * Replaces the one occurrence of `from` in a file of the copy. Anything else is an error: an edit
 * that silently matched nothing would test the committed configuration instead of the intended one.
 */
function edit(copy, file, from, to) {
  const full = path.join(copy, file);
  const text = fs.readFileSync(full, 'utf8');
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`deploy tier: expected one "${from}" in ${file}, found ${count}. Fix: update scripts/deploy/scratch.js to the file's current text`);
  fs.writeFileSync(full, text.replace(from, to));
}

const ENV_FILES = ['src/config/staging.ts', 'src/config/prod.ts'];

/** `atlas.msk.phase` of one environment file ('create' | 'enable'), as README "MSK: two applies" says. */
function setMskPhase(copy, file, phase) {
  const other = phase === 'create' ? 'enable' : 'create';
  if (fs.readFileSync(path.join(copy, file), 'utf8').includes(`phase: '${phase}'`)) return;
  edit(copy, file, `phase: '${other}'`, `phase: '${phase}'`);
}

/**
 * README "Bootstrap", steps 1 and 2: both environments switch to the S3 backend. The bootstrap
 * acknowledges its local backend only while it has one, so nothing else changes.
 */
function switchBootstrapToS3(copy) {
  for (const file of ENV_FILES) edit(copy, file, "bootstrapBackend: 'local'", "bootstrapBackend: 's3'");
}

module.exports = { ENV_FILES, copyProject, edit, setMskPhase, switchBootstrapToS3 };
