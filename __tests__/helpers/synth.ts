/**
 * Test helpers: synthesize stacks to their Terraform JSON and pick blocks out of it through the
 * one model of it (src/terraform-json/document.ts), typed loosely for assertions.
 */
import { Testing, type TerraformStack } from 'cdktf';
import { addPlatformStacks, type PlatformStacks } from '../../src/app/platform-app';
import { loadEnvironments } from '../../src/config/load';
import type { EnvironmentConfig } from '../../src/config/schema';
import { StackDocument } from '../../src/terraform-json/document';

export type Json = Record<string, any>;

export function synthJson(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack)) as Json;
}

/** Every block of one resource type, by Terraform name (without CDKTF's `//` metadata). */
export function resources(json: Json, type: string): Record<string, Json> {
  return Object.fromEntries(new StackDocument('test', [json]).ofType(type).map((r) => [r.name, r.attributes]));
}

/** Every data source of one type, by Terraform name (without CDKTF's `//` metadata). */
export function dataSources(json: Json, type: string): Record<string, Json> {
  return Object.fromEntries(new StackDocument('test', [json]).dataSources.filter((r) => r.type === type).map((r) => [r.name, r.attributes]));
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
