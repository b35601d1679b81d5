// `npm run synth:hcl [-- <outdir>]`: the exit path from CDKTF. Synthesizes every stack as HCL
// (what `cdktf synth --hcl` does: the app with SYNTH_HCL_OUTPUT=true) into <outdir>/stacks/<stack>/cdk.tf,
// then tidies it into plain Terraform a team can keep without CDKTF: depends_on/ignore_changes entries
// become references instead of quoted strings (deprecated since Terraform 0.12), multi-line strings
// keep their exact value, and `terraform fmt` formats the files. Default <outdir>: cdktf.hcl (ignored by git; copy it where you keep it).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** Replaces quoted references inside `depends_on`, `ignore_changes` and `replace_triggered_by` lists with bare ones. */
function unquoteReferences(hcl) {
  return hcl.replace(/\b(depends_on|ignore_changes|replace_triggered_by)\s*=\s*\[[^\]]*\]/g, (block) => block.replace(/"([a-z_][a-z0-9_-]*(?:\.[a-z_][a-z0-9_-]*)*)"/gi, '$1'));
}

/**
 * cdktf writes a multi-line string as `<<EOF\n<value>\nEOF`, but a heredoc's value includes the
 * newline before its closing marker, so every such string gains a newline (an MSK configuration's
 * server_properties then differs from the state the JSON applied, and the plan wants a new
 * revision). A value that ended with a newline loses the extra one; one that did not is chomped.
 */
function heredocsAsWritten(hcl) {
  return hcl.replace(/<<([A-Z]+)\n([\s\S]*?)\n\1$/gm, (_, marker, body) => (body.endsWith('\n') ? `<<${marker}\n${body.slice(0, -1)}\n${marker}` : `chomp(<<${marker}\n${body}\n${marker}\n)`));
}

/** Synthesizes HCL into `outdir` and tidies it; returns the stack names written. */
function exportHcl(outdir, env = process.env) {
  const target = path.resolve(root, outdir);
  fs.rmSync(path.join(target, 'stacks'), { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const synth = spawnSync(process.execPath, ['-r', './scripts/swc-register.js', 'main.ts'], {
    cwd: root,
    env: { ...env, SYNTH_HCL_OUTPUT: 'true', CDKTF_OUTDIR: target },
    encoding: 'utf8',
  });
  if (synth.status !== 0) throw new Error(`HCL synth failed:\n${synth.stderr}${synth.stdout}`);
  const stacks = fs.readdirSync(path.join(target, 'stacks')).sort();
  for (const stack of stacks) {
    const file = path.join(target, 'stacks', stack, 'cdk.tf');
    fs.writeFileSync(file, heredocsAsWritten(unquoteReferences(fs.readFileSync(file, 'utf8'))));
  }
  // Formatting is cosmetic: without terraform on PATH the files are valid, only unindented.
  const fmt = spawnSync('terraform', ['fmt', '-recursive', path.join(target, 'stacks')], { encoding: 'utf8' });
  return { stacks, formatted: fmt.status === 0 };
}

if (require.main === module) {
  const outdir = process.argv[2] ?? 'cdktf.hcl';
  try {
    const { stacks, formatted } = exportHcl(outdir);
    console.log(`wrote ${stacks.length} stacks as HCL under ${outdir}/stacks/${formatted ? '' : ' (not formatted: terraform is not on PATH)'}`);
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}

module.exports = { exportHcl, heredocsAsWritten, unquoteReferences };
