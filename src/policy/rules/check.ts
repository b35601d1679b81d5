/** Small helpers the rules share, so each rule reads as the property it wants. */
import { asObject, attr, blockList, firstOf, isExpression, type StackDocument } from '../../terraform-json/document';
import { decodeDocument } from '../../terraform-json/decode';
import { COMPLIANT, nonCompliant, type TfResource, type Verdict } from '../types';

/** Longest value a finding quotes: a whole container definition would bury the problem. */
const MAX_SHOWN = 80;

/** A value as a finding shows it (long values cut, so one line stays readable). */
export function show(value: unknown): string {
  if (value === undefined) return 'not set';
  // JSON.stringify gives undefined only for a function or a symbol, which no Terraform JSON holds.
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** The first Terraform expression (`${var.x}`, `${each.value}`, a function) anywhere inside `value`. */
export function expressionIn(value: unknown): string | undefined {
  if (isExpression(value)) return value;
  if (Array.isArray(value)) return value.map(expressionIn).find((e) => e !== undefined);
  const object = asObject(value);
  return object
    ? Object.values(object)
        .map(expressionIn)
        .find((e) => e !== undefined)
    : undefined;
}

export function unverifiable(path: string, value: string, wanted: string): string {
  return `${path} is the expression ${show(value).slice(1, -1)}, which cannot be checked at synth (wants ${wanted})`;
}

/**
 * The one fail-closed gate: non-compliant when any value a rule reads at `paths` (through every
 * instance of nested blocks, `dynamic` blocks included) is a Terraform expression the pack cannot
 * evaluate. Rules call it before judging literals, so `var.x` or `each.value` never passes silently.
 * Paths where a reference is exactly what is wanted (a KMS key ARN) are simply not listed.
 */
export function unknownAt(node: TfResource | Record<string, unknown>, paths: readonly string[], wanted: string): Verdict | undefined {
  const root = 'attributes' in node && 'address' in node ? (node as TfResource).attributes : node;
  for (const path of paths) {
    const found = findExpression(root, path.split('.'), []);
    if (found) return nonCompliant(unverifiable(found.path, found.value, wanted));
  }
  return undefined;
}

function findExpression(node: Record<string, unknown>, keys: string[], seen: string[]): { path: string; value: string } | undefined {
  const [key, ...rest] = keys;
  const here = [...seen, key].join('.');
  // A `dynamic "x"` block (HCL) generates its instances at plan time: nothing inside is literal.
  const dynamic = asObject(firstOf(asObject(firstOf(node.dynamic))?.[key]));
  if (dynamic) return { path: here, value: `\${dynamic ${key}}` };
  const value = node[key];
  if (rest.length === 0 || isExpression(value)) {
    const expression = expressionIn(value);
    return expression === undefined ? undefined : { path: here, value: expression };
  }
  for (const block of blockList(value)) {
    const found = findExpression(block, rest, [...seen, key]);
    if (found) return found;
  }
  return undefined;
}

/** Compliant when the attribute at `path` satisfies `ok`; an unevaluable expression is non-compliant. */
export function requireAttr(resource: TfResource, path: string, ok: (value: unknown) => boolean, wanted: string): Verdict {
  const unknown = unknownAt(resource, [path], wanted);
  if (unknown) return unknown;
  const value = attr(resource, path);
  return ok(value) ? COMPLIANT : nonCompliant(`${path} is ${show(value)}; wants ${wanted}`);
}

/** The load balancer's type (application when unset); `undefined` when it is an expression. */
export function loadBalancerType(resource: TfResource): string | undefined {
  const type = resource.attributes.load_balancer_type;
  return type === undefined ? 'application' : isExpression(type) ? undefined : typeof type === 'string' ? type : JSON.stringify(type);
}

/** The containers of an ECS task definition, or `undefined` when `container_definitions` cannot be read at synth. */
export function containerDefinitions(task: TfResource, stack?: StackDocument): Record<string, unknown>[] | undefined {
  const decoded = decodeDocument(task.attributes.container_definitions, stack);
  return Array.isArray(decoded) ? decoded.filter((c): c is Record<string, unknown> => c !== null && typeof c === 'object') : undefined;
}

/**
 * Runs `problemOf` over every container, after failing closed on expressions at `reads` (keys of
 * each container) and on definitions that cannot be read at all.
 */
export function everyContainer(task: TfResource, stack: StackDocument | undefined, reads: readonly string[], problemOf: (container: Record<string, unknown>) => string | undefined): Verdict {
  const containers = containerDefinitions(task, stack);
  if (!containers) return nonCompliant(`container_definitions ${show(task.attributes.container_definitions)} cannot be read at synth`);
  const problems = containers.flatMap((c) => {
    const unknown = unknownAt(c, reads, 'a literal');
    const problem = unknown?.status === 'non-compliant' ? unknown.problem : problemOf(c);
    return problem ? [`container ${show(c.name)}: ${problem}`] : [];
  });
  return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
}

/**
 * The resources of `type` that configure `bucket` (`bucket = aws_s3_bucket.x.id`, an indexed or
 * `for_each` reference to it, or its literal name in hand-written Terraform).
 */
export function bucketCompanions(bucket: TfResource, type: string, stack: StackDocument): TfResource[] {
  return stack.referrers(bucket, type, 'bucket', bucket.attributes.bucket);
}
