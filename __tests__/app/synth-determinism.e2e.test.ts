import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

/** Runs the real entry point (`npm run synth`'s command) with its output in `outdir`. */
function synth(outdir: string): void {
  execFileSync(process.execPath, ['-r', './scripts/swc-register.js', 'main.ts'], {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: outdir, ATLAS_ENVIRONMENTS: '' },
    stdio: 'pipe',
  });
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('synth', () => {
  let first: string;
  let second: string;

  beforeAll(() => {
    // GIVEN two synths of the same commit, in two separate processes and directories
    first = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-synth-a-'));
    second = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-synth-b-'));
    synth(first);
    synth(second);
  });

  afterAll(() => {
    for (const dir of [first, second]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is deterministic: both synths write the same files, byte for byte (manifest included)', () => {
    // WHEN their files are compared
    const files = filesUnder(first);
    // THEN the same files exist and each pair is identical
    expect(files).toEqual(filesUnder(second));
    expect(files).toContain('manifest.json');
    expect(files).toContain(path.join('stacks', 'bootstrap', 'cdk.tf.json'));
    const differing = files.filter((file) => !fs.readFileSync(path.join(first, file)).equals(fs.readFileSync(path.join(second, file))));
    expect(differing).toEqual([]);
  });

  it('writes no absolute path of the machine or the output directory into the output', () => {
    const leaks = filesUnder(first).filter((file) => {
      const text = fs.readFileSync(path.join(first, file), 'utf8');
      return text.includes(first) || text.includes(root) || (os.homedir().length > 1 && text.includes(os.homedir()));
    });
    expect(leaks).toEqual([]);
  });
});
