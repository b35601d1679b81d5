/** A stack's outputs declared as one table: name, value and what an operator reads it for. */
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';

/** One output's value and description. */
export interface OutputSpec {
  readonly value: string | string[];
  readonly description: string;
}

/**
 * Adds one Terraform output per entry, named by its key, in the order written. An entry that is
 * `undefined` (a feature the environment switches off) adds nothing.
 */
export function addOutputs(scope: Construct, outputs: Readonly<Record<string, OutputSpec | undefined>>): void {
  for (const [name, spec] of Object.entries(outputs)) {
    if (spec) new TerraformOutput(scope, name, { value: spec.value, description: spec.description });
  }
}
