/** IAM policy statements, read from whichever form the synthesized JSON holds them in. */
import { type StackDocument, asObject, blockList } from '../terraform-json/document';
import { decodeDocument } from '../terraform-json/decode';

export interface PolicyStatement {
  readonly effect: string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly condition: unknown;
}

/**
 * The statements of a policy document: a JSON string, a `jsonencode` expression, or a reference to
 * a `data.aws_iam_policy_document`. `undefined` means the document could not be read.
 */
export function policyStatements(value: unknown, stack: StackDocument): PolicyStatement[] | undefined {
  const target = stack.target(value);
  if (target?.resource.type === 'aws_iam_policy_document' && target.attribute === 'json') {
    return blockList(target.resource.attributes.statement).map((s) => ({
      effect: String(s.effect ?? 'Allow'),
      actions: list(s.actions),
      notActions: list(s.not_actions),
      resources: list(s.resources),
      condition: s.condition,
    }));
  }
  const document = asObject(decodeDocument(value, stack));
  if (!document) return undefined;
  return blockList(document.Statement ?? document.statement).map((s) => ({
    // IAM requires Effect; scanners read a statement without one as Allow, and so does the pack.
    effect: String(s.Effect ?? 'Allow'),
    actions: list(s.Action),
    notActions: list(s.NotAction),
    resources: list(s.Resource),
    condition: s.Condition,
  }));
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
