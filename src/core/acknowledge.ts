/**
 * Acknowledgements: a construct accepts a finding of the policy pack where it makes the exception,
 * as cdk-nag's suppressions do for CDK. The rule id and the reason travel with the resource into
 * the synthesized JSON, under the `//` comment key Terraform ignores (cdktf keeps its own
 * `metadata` there):
 *
 *     "aws_ecs_task_definition": { "kafka_ui_task": { ..., "//": { "metadata": {...},
 *       "acknowledgements": [{ "rule": "ecs-task-readonly-root", "reason": "..." }] } } }
 *
 * A finding that belongs to no resource (the state backend) is acknowledged on the stack's own
 * `//` key, with the address it concerns: `{ "rule", "address": "terraform.backend.local", "reason" }`.
 *
 * The pack (src/policy) reads them from the JSON, so the check is the same for this app, for a
 * tenant's app and for `npm run policy` over a cdktf.out directory. It refuses an acknowledgement
 * of an unknown rule, with a short reason, of a rule that may not be acknowledged in the stack's
 * tier, or that matches no finding (acknowledge conditionally when the exception is conditional).
 */
import { TerraformBackend, TerraformResource, TerraformStack } from 'cdktf';

/** One accepted finding: which rule, and why the exception is safe. */
export interface Acknowledgement {
  /** Id of a rule of the policy pack, e.g. `ecs-task-readonly-root` (README "Policy pack"). */
  readonly rule: string;
  /** Why the exception is safe, at least ten characters; printed by synth and kept in cdktf.out/policy-report.json. */
  readonly reason: string;
}

/** The key under `//` that holds a resource's or a stack's acknowledgements. */
export const ACKNOWLEDGEMENTS_KEY = 'acknowledgements';

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const recorded = new WeakMap<object, object[]>();

/**
 * Records that `target` (a resource, or the stack's backend) knowingly breaks `acknowledgement.rule`.
 * Call it next to the setting that breaks the rule, and only when that setting is in effect:
 * synth fails on an acknowledgement that matches no finding.
 */
export function acknowledge(target: TerraformResource | TerraformBackend, acknowledgement: Acknowledgement): void {
  const { rule, reason } = acknowledgement;
  if (!RULE_ID.test(rule)) {
    throw new Error(`acknowledge ${target.node.path}: rule = ${JSON.stringify(rule)} is not a rule id. Fix: use an id of the policy pack, e.g. "ecs-task-readonly-root"`);
  }
  if (target instanceof TerraformBackend) {
    const stack = TerraformStack.of(target);
    const [type] = Object.keys((target.toTerraform() as { terraform: { backend: Record<string, unknown> } }).terraform.backend);
    record(stack, { rule, address: `terraform.backend.${type}`, reason }, (list) => stack.addOverride(`//.${ACKNOWLEDGEMENTS_KEY}`, list));
    return;
  }
  record(target, { rule, reason }, (list) => target.addOverride(`//.${ACKNOWLEDGEMENTS_KEY}`, list));
}

function record(owner: object, entry: { rule: string; reason: string; address?: string }, write: (list: object[]) => void): void {
  const list = [...(recorded.get(owner) ?? []), entry];
  recorded.set(owner, list);
  write(list);
}
