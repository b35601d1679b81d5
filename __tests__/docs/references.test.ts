/**
 * The repository stands alone: every Markdown link, every mention of a `.md` file in sources
 * (policy acknowledgement reasons included) and docs, points at a file this repository contains (and a link's
 * `#anchor` at a heading of that file).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file && fs.existsSync(path.join(ROOT, file)));
const textFiles = tracked.filter((file) => /\.(md|ts|js|ya?ml|hcl)$/.test(file));

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  for (const match of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    found.add(
      match[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );
  }
  return found;
}

/** Where a reference written in `from` resolves: next to that file, or from the repository root. */
function resolve(from: string, target: string): string | undefined {
  const candidates = [path.join(ROOT, path.dirname(from), target), path.join(ROOT, target)];
  return candidates.find((candidate) => fs.existsSync(candidate));
}

/**
 * `.md` file names mentioned in a text, e.g. `docs/security.md` or `README.md`. In code, a bare
 * quoted name is a path segment (`path.join(dir, 'x.md')`), not a reference, and is skipped.
 */
const mentions = (text: string, code = false) =>
  [...text.matchAll(/(?<![\w/.-])((?:\.{1,2}\/)*[\w.-]+(?:\/[\w.-]+)*\.md)\b/g)].filter((m) => !(code && text[m.index - 1] === "'" && text[m.index + m[0].length] === "'")).map((m) => m[1]);

describe('references inside the repository', () => {
  it('finds the Markdown files and the project notes it checks', () => {
    expect(textFiles).toEqual(expect.arrayContaining(['README.md', 'docs/design.md', 'docs/security.md', 'stacks/atlas-stack.ts', 'src/constructs/edge/load-balancer.ts']));
  });

  it('every relative Markdown link points at a file that exists, and its anchor at a heading there', () => {
    const broken: string[] = [];
    for (const file of textFiles.filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:)/.test(target)) continue;
        const [rel, anchor] = target.split('#');
        const resolved = rel === '' ? path.join(ROOT, file) : resolve(file, rel);
        if (!resolved) {
          broken.push(`${file}: ${target}`);
        } else if (anchor && resolved.endsWith('.md') && !anchors(fs.readFileSync(resolved, 'utf8')).has(anchor)) {
          broken.push(`${file}: ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every .md file named in sources, docs and generated files exists in the repository', () => {
    const missing = textFiles.flatMap((file) =>
      mentions(fs.readFileSync(path.join(ROOT, file), 'utf8'), /\.(ts|js)$/.test(file))
        .filter((name) => !resolve(file, name))
        .map((name) => `${file}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('every .md file a policy acknowledgement reason cites exists in the repository', () => {
    // The reasons are string literals next to their acknowledge() calls; the sources check above reads them too.
    const files = textFiles.filter((f) => /\.ts$/.test(f) && /\backnowledge\(/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    const cited = files.flatMap((f) => mentions(fs.readFileSync(path.join(ROOT, f), 'utf8'), true));
    expect(cited).toEqual(expect.arrayContaining(['docs/security.md', 'docs/design.md']));
    expect(cited.filter((name) => !fs.existsSync(path.join(ROOT, name)))).toEqual([]);
  });

  it('the check catches a reference to a note kept outside the repository', () => {
    const outside = ['SECURITY', 'md'].join('.');
    expect(mentions(`placement (${outside}) for operators`)).toEqual([outside]);
    expect(resolve('stacks/atlas-stack.ts', outside)).toBeUndefined();
  });
});
