/**
 * Writes the generated files: `atlantis.yaml`, `docs/architecture.md` (both from the app) and the
 * package's API report and reference (`api`, from its public entry points) and the per-environment
 * mocked-plan tests under terraform-tests/ (`mocked-plans`, from the environments' config).
 * Usage: node -r ./scripts/swc-register.js scripts/generate.ts atlantis|docs|api|mocked-plans|all
 */
// First: the example tenant (in the API report) imports the package by name, which this maps to src/.
import './package-source.js';
import * as fs from 'fs';
import * as path from 'path';
import { ENVIRONMENTS, loadEnvironments } from '../src/config/load';
import { renderApiReference } from '../src/generators/api-reference';
import { parseApiReport, renderApiReport, renderSurface, versionProblem } from '../src/generators/api-report';
import { renderArchitectureDoc } from '../src/generators/architecture-doc';
import { renderAtlantisConfig } from '../src/generators/atlantis-config';
import { exampleTenantAddresses } from '../src/generators/example-tenant';
import { renderMockedPlans } from '../src/generators/mocked-plans';
import { API_REFERENCE_FILE, API_REPORT_FILE, loadPublicApi } from '../src/generators/public-api';
import { loadStackCatalog, REPO_ROOT } from '../src/generators/stack-catalog';

type Files = Record<string, string>;

const targets: Record<string, () => Files> = {
  atlantis: () => ({ 'atlantis.yaml': renderAtlantisConfig(REPO_ROOT, loadStackCatalog(), Object.keys(ENVIRONMENTS)) }),
  docs: () => ({ 'docs/architecture.md': renderArchitectureDoc(loadStackCatalog()) }),
  api: () => {
    const api = loadPublicApi(REPO_ROOT);
    const surface = renderSurface(api, exampleTenantAddresses());
    const committed = path.join(REPO_ROOT, API_REPORT_FILE);
    // The report only moves forward with the version: a changed surface needs a bump first.
    if (fs.existsSync(committed)) {
      const problem = versionProblem(parseApiReport(fs.readFileSync(committed, 'utf8')), surface, api.version);
      if (problem) throw new Error(problem);
    }
    return { [API_REPORT_FILE]: renderApiReport(api.version, api.packageName, surface), [API_REFERENCE_FILE]: renderApiReference(api) };
  },
  'mocked-plans': () => renderMockedPlans(loadEnvironments()),
};

const wanted = process.argv[2] ?? 'all';
const selected = wanted === 'all' ? Object.keys(targets) : [wanted];
const unknown = selected.filter((t) => !(t in targets));
if (unknown.length > 0) {
  process.stderr.write(`unknown target "${unknown.join(', ')}". Fix: use one of ${Object.keys(targets).join(', ')}, all\n`);
  process.exitCode = 1;
} else {
  try {
    for (const target of selected) {
      for (const [file, text] of Object.entries(targets[target]())) {
        fs.mkdirSync(path.dirname(path.join(REPO_ROOT, file)), { recursive: true });
        fs.writeFileSync(path.join(REPO_ROOT, file), text);
        process.stdout.write(`wrote ${file}\n`);
      }
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
