/**
 * The deploy tier's own logic: which re-plan changes count as emulator gaps, and the configuration
 * edits it makes in its scratch copies (the tier itself runs in `npm run test:deploy`).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

const { classifyChanges, gapsMarkdown, unusedGaps } = require('../../scripts/deploy/gaps.js');
const { changedAttributes } = require('../../scripts/deploy/terraform.js');
const scratch = require('../../scripts/deploy/scratch.js');

const gap = { type: 'aws_ecs_service', attributes: ['health_check_grace_period_seconds'], consequences: ['id'], kind: 'read-back', replaces: true, emulator: 'e', evidence: 'v', handling: 'h' };
const change = (overrides: object) => ({ address: 'aws_ecs_service.api', type: 'aws_ecs_service', actions: ['update'], changed: ['health_check_grace_period_seconds'], ...overrides });

describe('deploy tier: re-plan changes against the gap table', () => {
  it('covers a change of only the listed attributes of the listed type', () => {
    const { findings, covered } = classifyChanges([change({})], [gap]);
    expect(findings).toEqual([]);
    expect(covered).toEqual([{ change: change({}), gap }]);
    expect(unusedGaps(covered, [gap])).toEqual([]);
  });

  it('fails a change that touches any attribute the table does not list', () => {
    const { findings } = classifyChanges([change({ changed: ['health_check_grace_period_seconds', 'task_definition'] })], [gap]);
    expect(findings).toHaveLength(1);
  });

  it('fails a change of another resource type with the same attribute', () => {
    const { findings } = classifyChanges([change({ type: 'aws_ecs_task_definition', address: 'aws_ecs_task_definition.api' })], [gap]);
    expect(findings).toHaveLength(1);
  });

  it('fails a replacement unless a gap that says it replaces forces it', () => {
    const replace = change({ actions: ['delete', 'create'], changed: ['health_check_grace_period_seconds', 'id'], replacePaths: ['health_check_grace_period_seconds'] });
    expect(classifyChanges([replace], [gap]).findings).toEqual([]);
    expect(classifyChanges([replace], [{ ...gap, replaces: false }]).findings).toHaveLength(1);
    // a replacement forced by an attribute the table does not list is a finding
    expect(classifyChanges([{ ...replace, replacePaths: ['task_definition'] }], [gap]).findings).toHaveLength(1);
  });

  it('accepts consequences only beside a gap attribute, never alone', () => {
    expect(classifyChanges([change({ changed: ['health_check_grace_period_seconds', 'id'] })], [gap]).findings).toEqual([]);
    expect(classifyChanges([change({ changed: ['id'] })], [gap]).findings).toHaveLength(1);
  });

  it('reports a read-back entry that no re-plan needed', () => {
    expect(unusedGaps([], [gap])).toEqual([gap]);
  });

  it('names the attributes whose values differ, including values known only after apply', () => {
    expect(changedAttributes({ before: { a: 1, b: [1], c: 'x' }, after: { a: 1, b: [2], c: null }, after_unknown: { d: true } })).toEqual(['b', 'c', 'd']);
  });
});

describe('deploy tier: the gap table in the README', () => {
  it('is the table in scripts/deploy/gaps.js (fix: paste `node scripts/deploy/gaps.js` between the deploy-gaps markers)', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const block = /<!-- deploy-gaps:start[^>]*-->\n([\s\S]*?)\n<!-- deploy-gaps:end -->/.exec(readme);
    expect(block?.[1]).toBe(gapsMarkdown());
  });
});

describe('deploy tier: scratch copies', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-scratch-'));
  const project = path.join(root, 'project');
  const copy = path.join(root, 'copy');
  const repo = path.resolve(__dirname, '../..');
  beforeAll(() => {
    fs.mkdirSync(path.join(project, 'src/config'), { recursive: true });
    fs.mkdirSync(path.join(project, 'node_modules'));
    fs.mkdirSync(path.join(project, 'cdktf.out'));
    for (const file of scratch.ENV_FILES) fs.copyFileSync(path.join(repo, file), path.join(project, file));
    scratch.copyProject(project, copy);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('copies the project without build output and links node_modules', () => {
    expect(fs.existsSync(path.join(copy, 'cdktf.out'))).toBe(false);
    expect(fs.lstatSync(path.join(copy, 'node_modules')).isSymbolicLink()).toBe(true);
  });

  it("switches the committed configs to the bootstrap's S3 backend, as the README says", () => {
    scratch.switchBootstrapToS3(copy);
    for (const file of scratch.ENV_FILES) expect(fs.readFileSync(path.join(copy, file), 'utf8')).toContain("bootstrapBackend: 's3'");
  });

  it('sets the MSK phase of one environment and refuses an edit that matches nothing', () => {
    scratch.setMskPhase(copy, 'src/config/prod.ts', 'create');
    expect(fs.readFileSync(path.join(copy, 'src/config/prod.ts'), 'utf8')).toContain("phase: 'create'");
    expect(fs.readFileSync(path.join(copy, 'src/config/staging.ts'), 'utf8')).toContain("phase: 'enable'");
    expect(() => scratch.edit(copy, 'src/config/prod.ts', 'no such text', 'x')).toThrow(/expected one "no such text" in src\/config\/prod.ts, found 0/);
  });
});
