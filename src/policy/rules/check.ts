/** Small helpers the rules share, so each rule reads as the property it wants. */
import { attr, isExpression, type StackDocument } from '../document';
import { decodeDocument } from '../hcl';
import { COMPLIANT, nonCompliant, type TfResource, type Verdict } from '../types';

/** A value as a finding shows it. */
export function show(value: unknown): string {
  return value === undefined ? 'not set' : JSON.stringify(value);
}

/**
 * Compliant when the attribute at `path` satisfies `ok`. An unevaluable expression
 * (`${var.x}`, a reference) is non-compliant: the pack fails closed rather than assume it is safe.
 */
export function requireAttr(resource: TfResource, path: string, ok: (value: unknown) => boolean, wanted: string): Verdict {
  const value = attr(resource, path);
  if (isExpression(value)) return nonCompliant(unverifiable(path, value, wanted));
  return ok(value) ? COMPLIANT : nonCompliant(`${path} is ${show(value)}; wants ${wanted}`);
}

export function unverifiable(path: string, value: string, wanted: string): string {
  return `${path} is the expression ${value}, which cannot be checked at synth (wants ${wanted})`;
}

/** Application load balancers (`aws_lb` / `aws_alb` of type application, the default). */
export function isApplicationLoadBalancer(resource: TfResource): boolean {
  const type = resource.attributes.load_balancer_type;
  return type === undefined || type === 'application';
}

/** The containers of an ECS task definition, or `undefined` when `container_definitions` cannot be read at synth. */
export function containerDefinitions(task: TfResource): Record<string, unknown>[] | undefined {
  const decoded = decodeDocument(task.attributes.container_definitions);
  return Array.isArray(decoded) ? decoded.filter((c): c is Record<string, unknown> => c !== null && typeof c === 'object') : undefined;
}

/** Runs `check` over every container; unreadable definitions fail closed. */
export function everyContainer(task: TfResource, problemOf: (container: Record<string, unknown>) => string | undefined): Verdict {
  const containers = containerDefinitions(task);
  if (!containers) return nonCompliant(`container_definitions ${show(task.attributes.container_definitions)} cannot be read at synth`);
  const problems = containers.flatMap((c) => {
    const problem = problemOf(c);
    return problem ? [`container ${show(c.name)}: ${problem}`] : [];
  });
  return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
}

/**
 * The resources of `type` that configure `bucket` (`bucket = aws_s3_bucket.x.id`, or its literal
 * name in hand-written Terraform).
 */
export function bucketCompanions(bucket: TfResource, type: string, stack: StackDocument): TfResource[] {
  return stack.referrers(bucket, type, 'bucket', bucket.attributes.bucket);
}
