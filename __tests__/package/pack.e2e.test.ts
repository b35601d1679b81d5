/**
 * What an application team does with the package, outside this repository: npm pack, a tenant
 * project of its own (examples/api-tenant: package.json, cdktf.json, tsconfig.json, main.ts) in a
 * temporary directory, `npm ci --offline` of the tarball and the peers, tsc, `cdktf synth`, then
 * real `terraform validate` and a mocked plan. Offline: the peers come from the npm cache this
 * repository's `npm ci` filled, the provider from the local mirror when the machine has one.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseApiReport } from '../../src/generators/api-report';
import { API_REPORT_FILE } from '../../src/generators/public-api';
import { RULES } from '../../src/policy/pack';
import { createTenantProject, type Manifest, packRepository, type PackedTarball, readJson, REPO_ROOT, run, runOk } from '../helpers/tenant-project';

const { prepareTerraformEnv } = require('../../scripts/terraform-cli-config.js') as {
  prepareTerraformEnv: (root: string) => { env: NodeJS.ProcessEnv };
};

const library = readJson<Manifest & { exports: Record<string, string | { types: string; default: string }> }>(path.join(REPO_ROOT, 'package.json'));
const STACK = 'api-staging';

/** `- \`Name\` (kind)` lines of the committed API report, per entry point. */
function reportedExports(): Record<string, { name: string; runtime: boolean }[]> {
  const { surface } = parseApiReport(fs.readFileSync(path.join(REPO_ROOT, API_REPORT_FILE), 'utf8'));
  const result: Record<string, { name: string; runtime: boolean }[]> = {};
  let entry = '';
  for (const line of surface.slice(0, surface.indexOf('## Declarations')).split('\n')) {
    const heading = /^### `(.+)`$/.exec(line);
    if (heading) result[(entry = heading[1])] = [];
    const item = /^- `(\w+)` \((\w+)(, type only)?\)$/.exec(line);
    if (item) result[entry].push({ name: item[1], runtime: !item[3] });
  }
  return result;
}

/** Directories (relative to `dir`) holding package `name`, at any depth of node_modules. */
function copiesOf(dir: string, name: string, below = 'node_modules'): string[] {
  const here = path.join(dir, below);
  if (!fs.existsSync(here)) return [];
  const found = fs.existsSync(path.join(here, name, 'package.json')) ? [path.posix.join(below, name)] : [];
  for (const entry of fs.readdirSync(here)) {
    const packages = entry.startsWith('@') ? fs.readdirSync(path.join(here, entry)).map((n) => `${entry}/${n}`) : [entry];
    for (const pkg of packages) found.push(...copiesOf(dir, name, path.posix.join(below, pkg, 'node_modules')));
  }
  return found;
}

/** Every relative import of a shipped .js/.d.ts names a file the tarball holds. */
function unresolvedImports(files: readonly string[]): string[] {
  const shipped = new Set(files);
  const missing: string[] = [];
  for (const file of files.filter((f) => /\.(js|d\.ts)$/.test(f))) {
    const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:require\(|from\s+|import\()["'](\.[^"']+)["']/g)) {
      const base = path.posix.join(path.posix.dirname(file), specifier);
      const candidates = file.endsWith('.d.ts') ? [`${base}.d.ts`, `${base}/index.d.ts`] : [`${base}.js`, `${base}/index.js`, base];
      if (!candidates.some((c) => shipped.has(c))) missing.push(`${file} -> ${specifier}`);
    }
  }
  return missing;
}

describe('the package, installed by a tenant project outside this repository', () => {
  let scratch: string;
  let tarball: PackedTarball;
  let project: string;

  beforeAll(() => {
    // GIVEN the tarball npm pack builds, and a tenant project that installed it with its peers
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-tenant-'));
    tarball = packRepository(scratch);
    project = path.join(scratch, 'tenant');
    createTenantProject(project, tarball);
  }, 180_000);

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test("the tarball holds the compiled entry points, their .d.ts and source maps, and nothing of the repository's own", () => {
    const { files } = tarball;
    for (const target of Object.values(library.exports).flatMap((t) => (typeof t === 'string' ? [t] : [t.types, t.default]))) {
      expect(files).toContain(target.replace(/^\.\//, ''));
    }
    for (const js of files.filter((f) => f.endsWith('.js'))) {
      expect(files).toEqual(expect.arrayContaining([js.replace(/\.js$/, '.d.ts'), `${js}.map`]));
    }
    expect(files.filter((f) => !f.startsWith('dist/'))).toEqual(['CHANGELOG.md', 'README.md', 'docs/api.md', 'package.json']);
    expect(files.filter((f) => /^dist\/(app|generators|stacks|constructs\/monitoring\/config)\/|config\/(staging|prod|load|schema)|\.test\./.test(f))).toEqual([]);
    expect(unresolvedImports(files)).toEqual([]);
  });

  test('installs with its peers and no dependency of its own: one copy of cdktf, constructs and the provider', () => {
    const installed = readJson<Manifest>(path.join(project, 'node_modules', library.name, 'package.json'));
    expect(installed.version).toBe(library.version);
    expect(installed.dependencies ?? {}).toEqual({});
    expect(Object.keys(installed.peerDependencies ?? {}).sort()).toEqual(['@cdktf/provider-aws', 'cdktf', 'constructs']);
    expect(copiesOf(project, 'cdktf')).toEqual(['node_modules/cdktf']);
    expect(copiesOf(project, 'constructs')).toEqual(['node_modules/constructs']);
    expect(copiesOf(project, '@cdktf/provider-aws')).toEqual(['node_modules/@cdktf/provider-aws']);
  });

  test("every export of the API report type-checks in the tenant's TypeScript, against the shipped .d.ts (skipLibCheck off)", () => {
    // WHEN the tenant code plus a file importing every reported export compiles, with CommonJS
    // resolution (the cdktf template's) and with node16 resolution (package.json `exports`)
    const lines = Object.entries(reportedExports()).map(([entry, names]) => `import type { ${names.map((n) => n.name).join(', ')} } from '${entry}';`);
    const used = Object.values(reportedExports())
      .flat()
      .map((n) => `type _${n.name} = ${n.runtime ? 'typeof ' : ''}${n.name};`);
    fs.writeFileSync(path.join(project, 'api-check.ts'), `${lines.join('\n')}\n${used.join('\n')}\nexport {};\n`);
    const tsc = path.join(project, 'node_modules', 'typescript', 'bin', 'tsc');
    const commonjs = run(process.execPath, [tsc, '-p', '.', '--noUnusedLocals', 'false'], project);
    expect(`${commonjs.stdout}${commonjs.stderr}`).toBe('');
    expect(commonjs.status).toBe(0);
    const node16 = run(process.execPath, [tsc, '-p', '.', '--noEmit', '--module', 'node16', '--moduleResolution', 'node16'], project);
    expect(`${node16.stdout}${node16.stderr}`).toBe('');
    fs.rmSync(path.join(project, 'api-check.ts'));
    fs.rmSync(path.join(project, 'api-check.js'), { force: true });
  }, 60_000);

  test('exports at runtime exactly the values of the API report, and refuses imports into dist/', () => {
    for (const [entry, names] of Object.entries(reportedExports())) {
      const script = `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(entry)})).sort()))`;
      const keys = JSON.parse(runOk(process.execPath, ['-e', script], project)) as string[];
      expect(keys).toEqual(
        names
          .filter((n) => n.runtime)
          .map((n) => n.name)
          .sort(),
      );
    }
    const deep = run(process.execPath, ['-e', `require('${library.name}/dist/core/platform-stack')`], project);
    expect(deep.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  test('synthesizes with the cdktf CLI and cdktf.json, reading every platform value from SSM and passing the policy pack', () => {
    // WHEN the tenant runs `cdktf synth` (its app command runs the compiled main.js)
    const cdktf = path.join(REPO_ROOT, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf');
    const synth = run(process.execPath, [cdktf, 'synth'], project);
    expect(synth.stdout).toContain(`policy: ${RULES.length} rules over 1 stacks`);
    expect(synth.status).toBe(0);
    // THEN the stack reads Layer 1 through the SSM contract only and keeps its own state key
    const json = readJson<Record<string, any>>(path.join(project, 'cdktf.out', 'stacks', STACK, 'cdk.tf.json'));
    const parameters = Object.values(json.data.aws_ssm_parameter as Record<string, { name: string }>).map((p) => p.name);
    expect(parameters.length).toBeGreaterThan(5);
    for (const name of parameters) expect(name).toMatch(/^\/infra\/[a-z0-9-]+$/);
    expect(JSON.stringify(json)).not.toMatch(/terraform_remote_state|"vpc-[0-9a-f]{8,}"/);
    expect(json.terraform.backend.s3.key).toBe('api/dev/terraform.tfstate');
    expect(json.terraform.required_providers.aws).toEqual({ source: 'hashicorp/aws', version: '= 5.100.0' });
  }, 60_000);

  test('terraform validate accepts the synthesized stack, and the mocked plan of examples/api-tenant/tests passes', () => {
    const stackDir = path.join(project, 'cdktf.out', 'stacks', STACK);
    expect(fs.existsSync(path.join(stackDir, 'cdk.tf.json'))).toBe(true);
    const { env } = prepareTerraformEnv(scratch);
    const terraform = (...args: string[]) => {
      const result = spawnSync('terraform', [...args, '-no-color'], { cwd: stackDir, env, encoding: 'utf8' });
      if (result.error) throw new Error(`terraform is not on PATH (${result.error.message}). Fix: install Terraform >= 1.11, as README "Quick start" says`);
      return result as { status: number; stdout: string; stderr: string };
    };
    expect(terraform('init', '-backend=false', '-input=false').status).toBe(0);
    const validate = terraform('validate');
    expect(validate.stdout).toContain('Success! The configuration is valid.');
    fs.cpSync(path.join(project, 'tests'), path.join(stackDir, 'tests'), { recursive: true });
    const test = terraform('test');
    expect(`${test.stdout}${test.stderr}`).toMatch(/Success! [1-9]\d* passed, 0 failed\./);
  }, 120_000);
});
