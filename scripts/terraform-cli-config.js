// Writes a Terraform CLI configuration for the project's scripts. When this machine carries a
// local filesystem mirror of the providers, Terraform installs from it and never goes online;
// elsewhere it uses the public registry as usual. Either way a shared plugin cache avoids
// unpacking the AWS provider once per stack.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const PROVIDER = 'registry.terraform.io/hashicorp/aws';

/** Places a provider mirror is commonly kept; ATLAS_TF_PROVIDER_MIRROR comes first. */
function mirrorCandidates(env = process.env) {
  return [
    env.ATLAS_TF_PROVIDER_MIRROR,
    '/opt/tf-plugins',
    path.join(os.homedir(), '.terraform.d', 'plugins'),
    path.join(os.homedir(), '.local', 'share', 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
  ].filter(Boolean);
}

/** The first candidate that holds the AWS provider, or undefined. */
function findProviderMirror(candidates = mirrorCandidates()) {
  return candidates.find((dir) => fs.existsSync(path.join(dir, PROVIDER)));
}

function renderCliConfig({ mirror, pluginCacheDir }) {
  const lines = [
    `plugin_cache_dir = ${JSON.stringify(pluginCacheDir)}`,
    // The stacks commit no lock file, and without one Terraform 1.4+ ignores the cache and unpacks
    // the provider into it again on every init; two inits at once then race on the same directory
    // ("file exists"). With this set, inits after the first only link to the cached copy, which came
    // from the same mirror or registry the lock file would name.
    'plugin_cache_may_break_dependency_lock_file = true',
  ];
  if (mirror) {
    lines.push(
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(mirror)}`,
      `    include = [${JSON.stringify(PROVIDER)}]`,
      '  }',
      '  direct {',
      `    exclude = [${JSON.stringify(PROVIDER)}]`,
      '  }',
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes `.terraform-cli/terraformrc` under `root` and returns the environment to run Terraform
 * with. A CLI config the user already has is kept when no mirror is found.
 */
function prepareTerraformEnv(root, env = process.env, candidates = mirrorCandidates(env)) {
  const mirror = findProviderMirror(candidates);
  const userConfig = env.TF_CLI_CONFIG_FILE;
  const base = { ...env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  if (!mirror && userConfig && fs.existsSync(userConfig)) return { env: base, mirror };
  const dir = path.join(root, '.terraform-cli');
  const pluginCacheDir = path.join(dir, 'plugin-cache');
  fs.mkdirSync(pluginCacheDir, { recursive: true });
  const file = path.join(dir, 'terraformrc');
  fs.writeFileSync(file, renderCliConfig({ mirror, pluginCacheDir }));
  return { env: { ...base, TF_CLI_CONFIG_FILE: file }, mirror };
}

module.exports = { findProviderMirror, mirrorCandidates, prepareTerraformEnv, renderCliConfig };
