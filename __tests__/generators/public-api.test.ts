import * as fs from 'fs';
import * as path from 'path';
import { renderApiReference, undocumented } from '../../src/generators/api-reference';
import { parseApiReport, renderSurface, requiredBump, versionProblem, versionStep } from '../../src/generators/api-report';
import { exampleTenantAddresses } from '../../src/generators/example-tenant';
import { API_REFERENCE_FILE, API_REPORT_FILE, loadPublicApi, type PublicApi } from '../../src/generators/public-api';
import { REPO_ROOT } from '../../src/generators/stack-catalog';

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');

describe("the package's public API", () => {
  // GIVEN the surface read from the entry points in package.json (a full type check: a few seconds)
  let api: PublicApi;
  beforeAll(() => {
    api = loadPublicApi(REPO_ROOT);
  }, 60_000);

  test('exports what a tenant builds with, and nothing environment-specific of this repository', () => {
    const names = api.entries.map((e) => `${e.importPath}: ${e.exports.map((x) => x.name).join(' ')}`);
    expect(names[0]).toMatch(/^@atlas\/platform-constructs: .*\bTenantService\b/);
    for (const wanted of ['TenantServiceProps', 'PlatformParameters', 'PlatformStack', 'Names', 'LISTENER_PRIORITIES', 'stateKey', 'renamed', 'acknowledge', 'Acknowledgement']) {
      expect(api.entries[0].exports.map((e) => e.name)).toContain(wanted);
    }
    expect(names[1]).toBe('@atlas/platform-constructs/policy: addPolicyCheck PolicyCheckOptions PolicyError');
    const all = api.entries.flatMap((e) => e.exports.map((x) => x.name));
    for (const internal of ['ENVIRONMENTS', 'loadEnvironments', 'environmentStackProps', 'WAIVERS', 'BaseInfraStack', 'validateTenantServiceProps', 'BOOTSTRAP_LOCAL_STATE']) {
      expect(all).not.toContain(internal);
    }
    // No declaration a tenant compiles against comes from the config or the stacks.
    expect([...api.declarations.keys()].filter((file) => /config\/|stacks\/|app\//.test(file))).toEqual([]);
  });

  test('documents every export, class member and props property, with a default for every optional one', () => {
    expect(undocumented(api)).toEqual([]);
  });

  test('docs/api.md is the reference generated from the doc comments (npm run api)', () => {
    expect(read(API_REFERENCE_FILE)).toBe(renderApiReference(api));
  });

  test('the committed API report is the current surface, under the version in package.json', () => {
    const committed = parseApiReport(read(API_REPORT_FILE));
    const surface = renderSurface(api, exampleTenantAddresses());
    // A changed surface says which version it needs before it says to regenerate.
    expect(versionProblem(committed, surface, api.version) ?? (committed.surface === surface ? 'same surface' : 'run npm run api')).toBe('same surface');
    expect(committed.version).toBe(api.version);
    expect(read('CHANGELOG.md')).toContain(`## ${api.version}`);
  });
});

describe('the version a change of the API report needs', () => {
  const surface = ['## Exports', '- `Foo` (class)', 'export interface FooProps {', '    readonly size?: number;', '}', '```', 'aws_s3_bucket.foo', '```'].join('\n');
  const withLine = (after: string, line: string) => surface.replace(after, `${after}\n${line}`);

  test('an unchanged surface needs no new version', () => {
    expect(versionProblem({ version: '1.2.3', surface }, surface, '1.2.3')).toBeUndefined();
  });

  test('a new export or optional property is a minor change', () => {
    expect(requiredBump(surface, withLine('- `Foo` (class)', '- `Bar` (class)')).bump).toBe('minor');
    expect(requiredBump(surface, withLine('    readonly size?: number;', '    readonly color?: string;')).bump).toBe('minor');
  });

  test("a new required property of an interface is a major change: every tenant's code stops compiling", () => {
    const changed = withLine('    readonly size?: number;', '    readonly color: string;');
    expect(requiredBump(surface, changed)).toEqual({ bump: 'major', reasons: ['new required property: readonly color: string;'] });
  });

  test('a new interface, required properties and all, is a minor change: no tenant implements it yet', () => {
    expect(requiredBump(surface, withLine('}', 'export interface BarProps {\n    readonly color: string;\n}')).bump).toBe('minor');
  });

  test('a class moved under a new base that extends its old base is a minor change; any other base is major', () => {
    const base = withLine('- `Foo` (class)', 'export declare class FooError extends Error {\n}');
    const narrowed = base
      .replace('FooError extends Error', 'FooError extends BadInput')
      .replace('export interface FooProps', 'export declare class BadInput extends Error {\n}\nexport interface FooProps');
    expect(requiredBump(base, narrowed).bump).toBe('minor');
    const unrelated = base.replace('FooError extends Error', 'FooError extends BadInput').replace('export interface FooProps', 'export declare class BadInput {\n}\nexport interface FooProps');
    expect(requiredBump(base, unrelated)).toEqual({ bump: 'major', reasons: ['removed or changed: export declare class FooError extends Error {'] });
  });

  test('a removed export or a changed address is a major change', () => {
    expect(requiredBump(surface, surface.replace('- `Foo` (class)\n', '')).bump).toBe('major');
    expect(requiredBump(surface, surface.replace('aws_s3_bucket.foo', 'aws_s3_bucket.foo_bucket'))).toEqual({
      bump: 'major',
      reasons: ['removed or changed: aws_s3_bucket.foo'],
    });
  });

  test('fails a changed surface without a version bump, naming the change and the version to set', () => {
    const changed = surface.replace('aws_s3_bucket.foo', 'aws_s3_bucket.foo_bucket');
    expect(versionProblem({ version: '1.2.3', surface }, changed, '1.2.3')).toBe(
      'the public API changed since 1.2.3 and needs a major version, but package.json version = "1.2.3":\n  removed or changed: aws_s3_bucket.foo\nFix: set package.json "version" to 2.0.0 (or higher), add its section to CHANGELOG.md, then run npm run api',
    );
    expect(versionProblem({ version: '1.2.3', surface }, changed, '1.3.0')).toMatch(/needs a major version, but package.json version = "1.3.0"/);
    expect(versionProblem({ version: '1.2.3', surface }, changed, '2.0.0')).toBeUndefined();
    expect(versionProblem({ version: '1.2.3', surface }, withLine('- `Foo` (class)', '- `Bar` (class)'), '1.3.0')).toBeUndefined();
  });

  test("rejects a version older than the report's", () => {
    expect(versionStep('1.2.3', '1.3.0')).toBe('minor');
    expect(() => versionStep('1.2.3', '1.2.2')).toThrow('package.json version = "1.2.2" is older than the API report\'s 1.2.3. Fix: versions only go up');
  });
});

describe('the package name inside this repository', () => {
  test('resolves to the same src/ entry points for the type checker as for the loader and jest', () => {
    const { sourceEntryPoints } = require('../../scripts/package-source.js') as { sourceEntryPoints: (dir: string) => Record<string, string> };
    const tsconfig = read('tsconfig.json').replace(/^\s*\/\/.*$/gm, '');
    const paths = JSON.parse(tsconfig).compilerOptions.paths as Record<string, string[]>;
    const fromPaths = Object.fromEntries(Object.entries(paths).map(([name, [file]]) => [name, path.join(REPO_ROOT, file)]));
    expect(fromPaths).toEqual(sourceEntryPoints(REPO_ROOT));
  });
});
