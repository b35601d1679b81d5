import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { ENVIRONMENTS } from '../../src/config/load';
import { PLAN_GUARD, renderAtlantisConfig, SYNTH_COMMIT_FILE, SYNTH_HOOK, synthPathRoots, whenModified } from '../../src/generators/atlantis-config';
import { deployOrder, loadStackCatalog, REPO_ROOT, type CatalogStack } from '../../src/generators/stack-catalog';

interface Project {
  name: string;
  dir: string;
  workspace: string;
  workflow: string;
  execution_order_group: number;
  depends_on?: string[];
  autoplan: { enabled: boolean; when_modified: string[] };
}

type AtlantisConfig = { version: number; projects: Project[]; workflows: Record<string, { plan: { steps: unknown[] } }> };

const stacks = loadStackCatalog();
const generated = renderAtlantisConfig(REPO_ROOT, stacks, Object.keys(ENVIRONMENTS));
const config = parse(generated) as AtlantisConfig;
const project = (name: string) => config.projects.find((p) => p.name === name)!;

/** The same stacks after the README's bootstrap migration: its state is in the S3 bucket. */
const migratedStacks = stacks.map((s) =>
  s.name === 'bootstrap' ? { ...s, json: { ...s.json, terraform: { backend: { s3: { bucket: 'atlas-terraform-state', key: 'bootstrap/terraform.tfstate' } } } } } : s,
);
const migrated = parse(renderAtlantisConfig(REPO_ROOT, migratedStacks, Object.keys(ENVIRONMENTS))) as AtlantisConfig;
const migratedProject = (name: string) => migrated.projects.find((p) => p.name === name)!;

describe('atlantis.yaml', () => {
  it('committed atlantis.yaml matches the stacks the app synthesizes (fix: npm run atlantis)', () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'atlantis.yaml'), 'utf8');
    expect(committed).toEqual(generated);
  });

  it('has one project per synthesized stack with remote state, planned in its cdktf.out directory with the cdktf workflow', () => {
    expect(config.version).toBe(3);
    expect(config.projects.map((p) => p.name)).toEqual(stacks.map((s) => s.name).filter((name) => name !== 'bootstrap'));
    for (const p of config.projects) {
      expect(p).toMatchObject({ dir: `cdktf.out/stacks/${p.name}`, workspace: 'default', workflow: 'cdktf', autoplan: { enabled: true } });
    }
    expect(Object.keys(config.workflows)).toEqual(['cdktf']);
  });

  it('when_modified patterns, resolved from the project directory, name files that exist', () => {
    for (const p of config.projects) {
      for (const pattern of p.autoplan.when_modified) {
        const file = path.resolve(REPO_ROOT, p.dir, pattern.replace(/\/\*\*$/, ''));
        expect({ pattern, exists: fs.existsSync(file) }).toEqual({ pattern, exists: true });
      }
    }
  });

  it('plans an environment stack when its own config changes, not when the other environment changes', () => {
    const staging = project('base-infra-staging').autoplan.when_modified;
    expect(staging).toContain('../../../src/config/staging.ts');
    expect(staging).not.toContain('../../../src/config/prod.ts');
    expect(staging).toEqual(expect.arrayContaining(['../../../stacks/base-infra-stack.ts', '../../../src/constructs/network/network.ts', '../../../src/core/**']));
  });

  it('leaves out the bootstrap while its state is local, saying why, and plans it once the state is in S3', () => {
    expect(project('bootstrap')).toBeUndefined();
    expect(generated).toContain('# Not planned here: bootstrap keeps local state');
    expect(migrated.projects.map((p) => p.name)).toEqual(stacks.map((s) => s.name));
    expect(renderAtlantisConfig(REPO_ROOT, migratedStacks, Object.keys(ENVIRONMENTS))).not.toContain('Not planned here');
  });

  it('plans the migrated bootstrap on either environment file (both carry the shared state block) but not on base-infra constructs', () => {
    const bootstrap = migratedProject('bootstrap').autoplan.when_modified;
    expect(bootstrap).toEqual(expect.arrayContaining(['../../../src/config/staging.ts', '../../../src/config/prod.ts', '../../../src/constructs/storage/lock-table.ts']));
    expect(bootstrap).not.toContain('../../../src/constructs/network/network.ts');
    expect(bootstrap).not.toContain('../../../stacks/base-infra-stack.ts');
  });

  it('orders applies: base-infra before the layers that read its SSM outputs', () => {
    for (const env of ['staging', 'prod']) {
      expect(project(`base-infra-${env}`).execution_order_group).toBeLessThan(project(`atlas-${env}`).execution_order_group);
      expect(project(`base-infra-${env}`).execution_order_group).toBeLessThan(project(`monitoring-${env}`).execution_order_group);
    }
  });

  it("an environment's layer 2 projects depend on its base-infra project, so a failed base-infra apply stops them", () => {
    for (const env of ['staging', 'prod']) {
      expect(project(`atlas-${env}`).depends_on).toEqual([`base-infra-${env}`]);
      expect(project(`monitoring-${env}`).depends_on).toEqual([`base-infra-${env}`]);
    }
  });

  it('depends_on names exactly the stack dependencies that are Atlantis projects', () => {
    const names = new Set(config.projects.map((p) => p.name));
    for (const p of config.projects) {
      const stack = stacks.find((s) => s.name === p.name)!;
      expect({ name: p.name, depends_on: p.depends_on ?? [] }).toEqual({ name: p.name, depends_on: stack.dependencies.filter((d) => names.has(d)) });
      for (const dep of p.depends_on ?? []) expect(names.has(dep)).toBe(true);
    }
  });

  it('the workflow guards against a missing synth, then runs the built-in init and plan', () => {
    const steps = config.workflows.cdktf.plan.steps;
    expect(steps.slice(1)).toEqual(['init', 'plan']);
    expect((steps[0] as { run: string }).run).toBe(PLAN_GUARD);
  });

  /** A git checkout at one commit with cdktf.out beside it, as the hook leaves it. */
  function checkout(): { root: string; head: string } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-guard-'));
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, encoding: 'utf8' });
    git('init', '-q');
    fs.writeFileSync(path.join(root, 'main.ts'), '');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    return { root, head: git('rev-parse', 'HEAD').stdout.trim() };
  }

  it.each([
    ['passes a synth the policy pack accepted', true, { passed: true }, 'head', 0],
    ['stops a policy-failed synth (stacks written, report says no)', true, { passed: false }, 'head', 1],
    ['stops a missing synth', false, undefined, 'head', 1],
    ['stops stacks without a policy report', true, undefined, 'head', 1],
    ['stops a synth of another commit (the merge strategy merged again after the hook)', true, { passed: true }, 'other', 1],
    ['stops a synth that recorded no commit', true, { passed: true }, 'none', 1],
  ])('the plan guard %s', (_label, stackWritten, report, recorded, exitCode) => {
    const { root, head } = checkout();
    const out = path.join(root, 'cdktf.out');
    const dir = path.join(out, 'stacks', 'atlas-staging');
    fs.mkdirSync(dir, { recursive: true });
    if (stackWritten) fs.writeFileSync(path.join(dir, 'cdk.tf.json'), '{}');
    if (report) fs.writeFileSync(path.join(out, 'policy-report.json'), `${JSON.stringify({ ...report, findings: [] }, null, 2)}\n`);
    if (recorded !== 'none') fs.writeFileSync(path.join(out, SYNTH_COMMIT_FILE), `${recorded === 'head' ? head : '0'.repeat(40)}\n`);
    const result = spawnSync('sh', ['-c', PLAN_GUARD], { cwd: dir, encoding: 'utf8' });
    fs.rmSync(root, { recursive: true, force: true });
    expect(result.status).toBe(exitCode);
    if (exitCode !== 0) expect(result.stderr).toMatch(/Fix:/);
  });
});

describe('deployOrder', () => {
  const stack = (name: string, dependencies: string[]) => ({ name, dependencies }) as unknown as CatalogStack;

  it('puts a stack one group after its deepest dependency', () => {
    const order = deployOrder([stack('a', []), stack('b', ['a']), stack('c', ['a', 'b'])]);
    expect([...order.entries()].sort()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('fails on a dependency cycle, naming it', () => {
    expect(() => deployOrder([stack('a', ['b']), stack('b', ['a'])])).toThrow('stack dependency cycle: a -> b -> a');
  });
});

describe('server-side repos.yaml snippet', () => {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'atlantis-repos.yaml'), 'utf8');
  const repos = parse(text) as {
    repos: { pre_workflow_hooks: { run: string; commands?: string }[]; allow_custom_workflows: boolean; allowed_overrides: string[] }[];
  };
  const scripts = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
  /** Atlantis's own rule (pre_workflow_hooks_command_runner.go): a hook with `commands` runs when that string contains the command's name. */
  const runsBefore = (hook: { commands?: string }, command: string) => !hook.commands || hook.commands.includes(command);

  it('installs and synthesizes in a pre-workflow hook, with npm scripts that exist', () => {
    const [hook] = repos.repos[0].pre_workflow_hooks;
    expect(hook).toMatchObject(SYNTH_HOOK);
    expect(hook.run).toMatch(/^rm -rf cdktf\.out && npm ci\b.*&& npm run synth && git rev-parse HEAD > cdktf\.out\/synth-commit$/);
    expect(scripts.synth).toBeDefined();
  });

  it('runs the hook that deletes cdktf.out before plan and autoplan (named "plan" to hooks), never before apply', () => {
    for (const hook of repos.repos[0].pre_workflow_hooks.filter((h) => /rm -rf cdktf\.out/.test(h.run))) {
      expect(runsBefore(hook, 'plan')).toBe(true);
      expect(runsBefore(hook, 'apply')).toBe(false);
      expect(runsBefore(hook, 'unlock')).toBe(false);
    }
  });

  it('states the server requirements: fail on hook errors, no NODE_ENV=production, what the merge strategy does', () => {
    expect(text).toMatch(/--fail-on-pre-workflow-hook-error/);
    expect(text).toMatch(/NODE_ENV/);
    expect(text).toMatch(/--checkout-strategy=merge/);
    expect(text).not.toMatch(/first step is what\s*#?\s*stops the plan/);
  });

  it('the README says the hook flag is required and that apply runs no hook, and no longer credits the guard with stopping a failed synth', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Atlantis'), readme.indexOf('## Adopting existing resources'));
    expect(section).toMatch(/\*\*`--fail-on-pre-workflow-hook-error` is required\.\*\*/);
    expect(section).toMatch(/\*\*Do not set `NODE_ENV=production`\.\*\*/);
    expect(section).toMatch(/--checkout-strategy=merge/);
    expect(section).toMatch(/\| `atlantis apply` \| no hook/);
    expect(section).not.toMatch(/first step stops the plan when `cdk\.tf\.json` is missing/);
  });

  it('lets atlantis.yaml select its custom workflow', () => {
    expect(repos.repos[0].allow_custom_workflows).toBe(true);
    expect(repos.repos[0].allowed_overrides).toContain('workflow');
  });
});

describe('whenModified', () => {
  it('follows what main.ts wires around every stack, without other stacks or other environments', () => {
    // GIVEN a project whose entry point applies a policy pack and wires two stacks of two environments
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-wm-'));
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ scripts: { synth: 'node -r ./scripts/loader.js main.ts' } }),
      'scripts/loader.js': "require('./loader-options');\n",
      'scripts/loader-options.js': '',
      'main.ts': "import { wire } from './src/app/platform-app';\nimport { pack } from './src/policy/pack';\nimport { load } from './src/config/load';\n",
      'src/app/platform-app.ts': "import { AStack } from '../../stacks/a-stack';\nimport { BStack } from '../../stacks/b-stack';\n",
      'src/policy/pack.ts': "import { rule } from './rule';\n",
      'src/policy/rule.ts': 'export const rule = 1;\n',
      'src/config/load.ts': "import { staging } from './staging';\nimport { prod } from './prod';\n",
      'src/config/staging.ts': '',
      'src/config/prod.ts': '',
      'stacks/a-stack.ts': "import { Net } from '../src/constructs/net';\nimport { names } from '../src/core/naming';\n",
      'stacks/b-stack.ts': "import { Db } from '../src/constructs/db';\n",
      'src/constructs/net.ts': '',
      'src/constructs/db.ts': '',
      'src/core/naming.ts': '',
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    const stack = { name: 'a-staging', file: 'stacks/a-stack.ts', environments: ['staging'], dependencies: [] } as unknown as CatalogStack;
    // WHEN the patterns of the staging A stack are derived
    const patterns = whenModified(root, stack, ['staging', 'prod']).map((p) => p.replace('../../../', ''));
    // THEN they hold package.json, the preloaded loader (and what it requires), the entry point's
    // shared files, the stack's own imports and its environment only
    expect(patterns).toEqual([
      'main.ts',
      'package-lock.json',
      'package.json',
      'scripts/loader-options.js',
      'scripts/loader.js',
      'src/app/platform-app.ts',
      'src/config/load.ts',
      'src/config/staging.ts',
      'src/constructs/net.ts',
      'src/core/**',
      'src/policy/pack.ts',
      'src/policy/rule.ts',
      'stacks/a-stack.ts',
    ]);
  });
});

describe('synthPathRoots', () => {
  it('follows the synth script: its preloaded loader and its entry point', () => {
    expect(synthPathRoots(REPO_ROOT)).toEqual({ files: ['package.json', 'package-lock.json'], entries: ['scripts/swc-register.js', 'main.ts'] });
  });

  it('fails when the synth script names a file that does not exist, naming the script and the fix', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-roots-'));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ scripts: { synth: 'node -r ./scripts/gone.js main.ts' } }));
    fs.writeFileSync(path.join(root, 'main.ts'), '');
    expect(() => synthPathRoots(root)).toThrow(/scripts\.synth = "node -r \.\/scripts\/gone\.js main\.ts".*missing: scripts\/gone\.js.*Fix:/);
  });
});
