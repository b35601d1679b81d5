import fs from 'fs';
import os from 'os';
import path from 'path';

const cli = require('../../scripts/terraform-cli-config.js');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tfcli-'));
}

describe('terraform CLI config', () => {
  it('installs the AWS provider from a local mirror when one is found', () => {
    const mirror = tempDir();
    fs.mkdirSync(path.join(mirror, 'registry.terraform.io/hashicorp/aws'), { recursive: true });
    const root = tempDir();
    const { env } = cli.prepareTerraformEnv(root, { ATLAS_TF_PROVIDER_MIRROR: mirror, HOME: os.homedir() });
    const config = fs.readFileSync(env.TF_CLI_CONFIG_FILE, 'utf8');
    expect(config).toContain(`path    = ${JSON.stringify(mirror)}`);
    expect(config).toContain('exclude = ["registry.terraform.io/hashicorp/aws"]');
  });

  it('uses the registry when no candidate holds the provider', () => {
    expect(cli.findProviderMirror([tempDir(), path.join(tempDir(), 'missing')])).toBeUndefined();
    const config = cli.renderCliConfig({ mirror: undefined, pluginCacheDir: '/cache' });
    expect(config).toBe('plugin_cache_dir = "/cache"\nplugin_cache_may_break_dependency_lock_file = true\n');
  });

  it('keeps an existing user CLI config when there is no mirror', () => {
    const userConfig = path.join(tempDir(), 'terraformrc');
    fs.writeFileSync(userConfig, '# user settings\n');
    const { env, mirror } = cli.prepareTerraformEnv(tempDir(), { TF_CLI_CONFIG_FILE: userConfig }, [tempDir()]);
    expect(mirror).toBeUndefined();
    expect(env.TF_CLI_CONFIG_FILE).toBe(userConfig);
  });

  it('writes its own registry config when the user config file does not exist', () => {
    const root = tempDir();
    const { env } = cli.prepareTerraformEnv(root, { TF_CLI_CONFIG_FILE: '/nonexistent/terraformrc' }, []);
    expect(env.TF_CLI_CONFIG_FILE).toBe(path.join(root, '.terraform-cli', 'terraformrc'));
    expect(fs.readFileSync(env.TF_CLI_CONFIG_FILE, 'utf8')).not.toContain('filesystem_mirror');
  });
});
