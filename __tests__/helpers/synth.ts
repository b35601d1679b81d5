/** Test helpers: synthesize stacks to their Terraform JSON and pick blocks out of it. */
import { Testing, type TerraformStack } from 'cdktf';
import { addPlatformStacks, type PlatformStacks } from '../../src/app/platform-app';
import { loadEnvironments } from '../../src/config/load';
import type { EnvironmentConfig } from '../../src/config/schema';

export type Json = Record<string, any>;

export function synthJson(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack)) as Json;
}

/** Every block of one resource type, by Terraform name. */
export function resources(json: Json, type: string): Record<string, Json> {
  return json.resource?.[type] ?? {};
}

/** Every data source of one type, by Terraform name. */
export function dataSources(json: Json, type: string): Record<string, Json> {
  return json.data?.[type] ?? {};
}

export function resource(json: Json, type: string, name: string): Json {
  const found = resources(json, type)[name];
  if (!found) throw new Error(`${type}.${name} not in ${Object.keys(resources(json, type)).join(', ') || '(none)'}`);
  return found;
}

/** The real app's stacks for the given environments, in an isolated test app. */
export function platformStacks(names: string[] = ['staging', 'prod']): { stacks: PlatformStacks; envs: EnvironmentConfig[] } {
  const envs = loadEnvironments(names);
  const app = Testing.app();
  return { stacks: addPlatformStacks(app, envs), envs };
}
