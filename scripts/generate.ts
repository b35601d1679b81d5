/**
 * Writes the generated operator files from the app: `atlantis.yaml` and/or `docs/architecture.md`.
 * Usage: node -r ./scripts/swc-register.js scripts/generate.ts atlantis|docs|all
 */
import * as fs from 'fs';
import * as path from 'path';
import { ENVIRONMENTS } from '../src/config/load';
import { renderArchitectureDoc } from '../src/operator/architecture-doc';
import { renderAtlantisConfig } from '../src/operator/atlantis-config';
import { loadStackCatalog, REPO_ROOT } from '../src/operator/stack-catalog';

const targets: Record<string, { file: string; render: (stacks: ReturnType<typeof loadStackCatalog>) => string }> = {
  atlantis: { file: 'atlantis.yaml', render: (stacks) => renderAtlantisConfig(REPO_ROOT, stacks, Object.keys(ENVIRONMENTS)) },
  docs: { file: 'docs/architecture.md', render: renderArchitectureDoc },
};

const wanted = process.argv[2] ?? 'all';
const selected = wanted === 'all' ? Object.keys(targets) : [wanted];
const unknown = selected.filter((t) => !(t in targets));
if (unknown.length > 0) {
  process.stderr.write(`unknown target "${unknown.join(', ')}". Fix: use one of ${Object.keys(targets).join(', ')}, all\n`);
  process.exitCode = 1;
} else {
  const stacks = loadStackCatalog();
  for (const target of selected) {
    const { file, render } = targets[target];
    fs.mkdirSync(path.dirname(path.join(REPO_ROOT, file)), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, file), render(stacks));
    process.stdout.write(`wrote ${file} (${stacks.length} stacks)\n`);
  }
}
