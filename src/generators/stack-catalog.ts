/**
 * Every stack the app synthesizes, with what feeds it: the class and file that define it, the
 * environments whose config it reads, the stacks it depends on and its synthesized JSON. The
 * operator generators (atlantis.yaml, docs/architecture.md) read only this, so they follow the
 * app when stacks are added.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ENVIRONMENTS, loadEnvironments } from '../config/load';
import type { TerraformJson } from '../terraform-json/document';
import { withSynthesizedPlatform } from '../terraform-json/synth';

export interface CatalogStack {
  /** Stack name, also its directory under `cdktf.out/stacks/`. */
  readonly name: string;
  /** Repository-relative file that defines the stack's class, e.g. `stacks/base-infra-stack.ts`. */
  readonly file: string;
  /** Environments (keys of ENVIRONMENTS) whose config file feeds the stack. */
  readonly environments: readonly string[];
  /** Names of the stacks this one is deployed after. */
  readonly dependencies: readonly string[];
  /** The synthesized `cdk.tf.json`, parsed. */
  readonly json: TerraformJson;
}

/** Repository root (this file lives in src/generators/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Builds the app with every environment, synthesizes it into a temporary directory and describes
 * each stack. Independent of ATLAS_ENVIRONMENTS: generated files always cover every stack.
 */
export function loadStackCatalog(root: string = REPO_ROOT): CatalogStack[] {
  const environments = loadEnvironments(Object.keys(ENVIRONMENTS));
  const classFiles = stackClassFiles(root);
  const envNames = environments.map((env) => env.name);
  return withSynthesizedPlatform({ environments }, (stacks) =>
    stacks.map(({ name, stack, json }) => {
      const className = stack.constructor.name;
      const file = classFiles.get(className);
      if (!file) throw new Error(`stack ${name}: class ${className} is not exported from a file under stacks/. Fix: define each stack class in stacks/<layer>-stack.ts`);
      const own = envNames.filter((env) => name.endsWith(`-${env}`));
      return {
        name,
        file,
        // A stack without an environment suffix (the bootstrap) is built from settings every
        // environment must agree on, so every environment's file feeds it.
        environments: own.length > 0 ? own : envNames,
        dependencies: stack.dependencies.map((dep) => dep.node.id).sort(),
        json,
      };
    }),
  );
}

/** Deploy order: 1 for a stack without dependencies, one more than its deepest dependency otherwise. */
export function deployOrder(stacks: readonly CatalogStack[]): Map<string, number> {
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const order = new Map<string, number>();
  const visit = (name: string, trail: string[]): number => {
    const known = order.get(name);
    if (known !== undefined) return known;
    if (trail.includes(name)) throw new Error(`stack dependency cycle: ${[...trail, name].join(' -> ')}. Fix: remove one addDependency`);
    const deps = byName.get(name)?.dependencies ?? [];
    const value = 1 + Math.max(0, ...deps.map((dep) => visit(dep, [...trail, name])));
    order.set(name, value);
    return value;
  };
  stacks.forEach((s) => visit(s.name, []));
  return order;
}

/** Exported class name -> repository-relative file, for every file in stacks/. */
function stackClassFiles(root: string): Map<string, string> {
  const map = new Map<string, string>();
  const dir = path.join(root, 'stacks');
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(/^export class (\w+)/gm)) map.set(match[1], `stacks/${file}`);
  }
  return map;
}
