// Extra directories for the Terraform tier, beyond cdktf.out/stacks: the HCL export of every stack
// (the exit path from CDKTF must stay valid Terraform) and stacks synthesized with every adoption
// option set (the import blocks must validate). Written under .tmp/terraform-tier/.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { exportHcl } = require('./export-hcl');

/** [{ name, cwd }] to validate like the synthesized stacks. */
function operatorTargets(root) {
  const base = path.join(root, '.tmp', 'terraform-tier');
  fs.rmSync(base, { recursive: true, force: true });
  const hcl = path.join(base, 'hcl');
  const { stacks } = exportHcl(hcl);
  const adopt = path.join(base, 'adopt');
  execFileSync(process.execPath, ['-r', './scripts/swc-register.js', 'scripts/adoption-fixture.ts', adopt], { cwd: root, stdio: 'inherit' });
  return [
    ...stacks.map((stack) => ({ name: `hcl/${stack}`, cwd: path.join(hcl, 'stacks', stack) })),
    ...fs
      .readdirSync(path.join(adopt, 'stacks'))
      .sort()
      .map((stack) => ({ name: `adopt/${stack}`, cwd: path.join(adopt, 'stacks', stack) })),
  ];
}

module.exports = { operatorTargets };
