/** Synthesizes every stack into a directory of one's choosing (tests, the address list, the benchmark). */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { loadEnvironments } from '../config/load';
import type { EnvironmentConfig } from '../config/schema';
import { addPlatformStacks } from './platform-app';

/** Runs the same wiring as `main.ts` with `outdir` as output and returns each stack's parsed `cdk.tf.json`. */
export function synthToDirectory(outdir: string, environments: readonly EnvironmentConfig[] = loadEnvironments()): Record<string, Record<string, unknown>> {
  const app = new App({ outdir });
  addPlatformStacks(app, environments);
  app.synth();
  const stacksDir = path.join(outdir, 'stacks');
  const stacks: Record<string, Record<string, unknown>> = {};
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    stacks[stack] = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8')) as Record<string, unknown>;
  }
  return stacks;
}
