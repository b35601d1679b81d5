/**
 * Builds the platform app and synthesizes it: the one way `main.ts`, the generators (atlantis.yaml,
 * docs), the address list, the scripts and the tests do it, so they all synthesize what
 * `npm run synth` does.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { addPlatformStacks } from '../app/platform-app';
import { loadEnvironments } from '../config/load';
import type { EnvironmentConfig } from '../config/schema';
import { addPolicyCheck, type PolicyCheckOptions } from '../policy/synth-check';
import { readTerraformJson, type TerraformJson } from './document';

export interface SynthesizedStack {
  /** Stack name, also its directory under `<outdir>/stacks/`. */
  readonly name: string;
  readonly stack: TerraformStack;
  /** The stack's `cdk.tf.json`, read on first use (absent with HCL output, `synth:hcl`). */
  readonly json: TerraformJson;
}

export interface PlatformSynthOptions {
  /** @default every environment of src/config */
  readonly environments?: readonly EnvironmentConfig[];
  /** @default the App's own: `cdktf.out`, or CDKTF_OUTDIR as the cdktf CLI sets it */
  readonly outdir?: string;
  /** Runs the policy pack during synth with these options. @default no policy check */
  readonly policy?: PolicyCheckOptions;
}

/** Synthesizes the platform's stacks (the wiring of `main.ts`) and returns them sorted by name. */
export function synthesizePlatform(options: PlatformSynthOptions = {}): SynthesizedStack[] {
  const app = options.outdir === undefined ? new App() : new App({ outdir: options.outdir });
  addPlatformStacks(app, options.environments ?? loadEnvironments());
  if (options.policy) addPolicyCheck(app, options.policy);
  app.synth();
  return app.node.children
    .filter((child): child is TerraformStack => TerraformStack.isStack(child))
    .map((stack) => synthesizedStack(app.outdir, stack))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Synthesizes into a fresh temporary directory, hands the stacks (their JSON already read) to
 * `use` and removes the directory again.
 */
export function withSynthesizedPlatform<T>(options: Omit<PlatformSynthOptions, 'outdir'>, use: (stacks: readonly SynthesizedStack[]) => T): T {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-synth-'));
  try {
    const stacks = synthesizePlatform({ ...options, outdir });
    for (const s of stacks) void s.json; // read before the directory goes
    return use(stacks);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function synthesizedStack(outdir: string, stack: TerraformStack): SynthesizedStack {
  const file = path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json');
  let json: TerraformJson | undefined;
  return {
    name: stack.node.id,
    stack,
    get json() {
      json ??= readTerraformJson(file);
      return json;
    },
  };
}
