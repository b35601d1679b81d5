/**
 * The one model of synthesized Terraform JSON (`resource.<type>.<name>`, snake_case attributes),
 * from this app or from anywhere else: the policy pack, the address lists, the generators of
 * atlantis.yaml and the docs, the scripts and the tests read stacks through it. References between
 * resources are the `${type.name.attr}` expressions Terraform JSON uses; the helpers here follow
 * the simple ones. `jsonencode` strings are read by ./decode.ts, stacks are synthesized by ./synth.ts.
 */
import * as fs from 'fs';

type Json = Record<string, unknown>;

/**
 * A `cdk.tf.json` as CDKTF writes it: every block keyed by type and name, one object per block.
 * (Terraform JSON in general may also write a block as a list of objects; StackDocument reads both.)
 */
export interface TerraformJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, unknown>;
  readonly variable?: Record<string, unknown>;
  readonly provider?: Record<string, Record<string, unknown>[]>;
  readonly import?: readonly { to: string; id: string }[];
  readonly moved?: readonly { from: string; to: string }[];
  readonly terraform?: { readonly backend?: Record<string, unknown> };
}

/** One managed resource (or data source) of a stack (`resource.<type>.<name>`), attributes in snake_case. */
export interface TfResource {
  readonly type: string;
  readonly name: string;
  /** `<type>.<name>` (`data.<type>.<name>` for a data source), the Terraform address. */
  readonly address: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The resource's `//.acknowledgements` as written (src/core/acknowledge.ts), unchecked. */
  readonly acknowledgements?: unknown;
}

/**
 * `${aws_s3_bucket.state.id}`, `${aws_s3_bucket.state[0].id}`, `${aws_s3_bucket.x[each.key].id}` or
 * `${data.aws_ssm_parameter.listener.value}`, nothing else around it.
 */
const WHOLE_REFERENCE = /^\$\{(data\.)?([a-zA-Z0-9_]+)\.([a-zA-Z0-9_-]+)(?:\[[^\]]*\])?\.([a-zA-Z0-9_]+)(\[[^\]]*\])?\}$/;

/** `each.value.id`, `each.key`: a companion created once per element of its `for_each`. */
const EACH = /\beach\.(key|value)\b/;

/** True for a Terraform expression the pack cannot evaluate (a variable, a reference, a function). */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && value.includes('${');
}

export interface StackBackend {
  readonly type: string;
  readonly config: Json;
}

export class StackDocument {
  readonly resources: readonly TfResource[];
  readonly dataSources: readonly TfResource[];
  /**
   * Values of `${jsonencode(...)}` strings already read by HashiCorp's HCL parser (filled by
   * `decodeDocuments` of ./decode.ts in `npm run policy`); `decodeDocument` looks here first.
   */
  readonly decoded = new Map<string, unknown>();

  /** The stack's `*.tf.json` files (one, for a CDKTF stack), or `*.tf` files as HashiCorp's parser reads them. */
  readonly documents: readonly Json[];

  constructor(
    readonly name: string,
    documents: readonly (Json | TerraformJson)[],
  ) {
    this.documents = documents as readonly Json[];
    this.resources = this.documents.flatMap((doc) => blocks(doc.resource, ''));
    this.dataSources = this.documents.flatMap((doc) => blocks(doc.data, 'data.'));
  }

  ofType(type: string): TfResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /**
   * Every address the stack declares, sorted: `aws_x.name`, `data.aws_x.name`, `output.name`,
   * `var.name`. They are the state keys of its objects (see src/core/addresses.ts).
   */
  get addresses(): string[] {
    const keys = (section: string) => this.documents.flatMap((doc) => blockList(doc[section]).flatMap((named) => Object.keys(named)));
    return [
      ...this.resources.map((r) => r.address),
      ...this.dataSources.map((r) => r.address),
      ...keys('output').map((name) => `output.${name}`),
      ...keys('variable').map((name) => `var.${name}`),
    ].sort();
  }

  /** The `terraform.backend` block, if any file declares one. */
  get backend(): StackBackend | undefined {
    for (const doc of this.documents) {
      const backend = asObject(asObject(firstOf(doc.terraform))?.backend);
      const [type] = Object.keys(backend ?? {});
      if (backend && type) return { type, config: asObject(firstOf(backend[type])) ?? {} };
    }
    return undefined;
  }

  /** The resource or data source a whole-value reference such as `${aws_s3_bucket.x.id}` points at. */
  target(value: unknown): { readonly resource: TfResource; readonly attribute: string } | undefined {
    if (typeof value !== 'string') return undefined;
    const match = WHOLE_REFERENCE.exec(value);
    if (!match) return undefined;
    const [, data, type, name, attribute] = match;
    const pool = data ? this.dataSources : this.resources;
    const resource = pool.find((r) => r.type === type && r.name === name);
    return resource && { resource, attribute };
  }

  /**
   * Resources of `type` whose `attribute` points at `to`: by a reference to it (indexed or not),
   * through `for_each = <to>` and `each.value...`, or by the literal value `literal` (e.g. the
   * bucket name) when plain Terraform names it directly.
   */
  referrers(to: TfResource, type: string, attribute: string, literal?: unknown): TfResource[] {
    return this.ofType(type).filter((r) => {
      const value = r.attributes[attribute];
      if (refersTo(value, to)) return true;
      if (isExpression(value) && EACH.test(value) && refersTo(r.attributes.for_each, to)) return true;
      return literal !== undefined && !isExpression(literal) && value === literal;
    });
  }
}

/** True when a string value mentions `to` in a Terraform expression (`${aws_vpc.main.id}`). */
export function refersTo(value: unknown, to: TfResource): boolean {
  if (!isExpression(value)) return false;
  const prefix = to.address.startsWith('data.') ? '' : '(?<![\\w.])';
  // `aws_s3_bucket.x.id`, `aws_s3_bucket.x[0].id`, `aws_s3_bucket.x[each.key].id`, or the whole
  // object (`for_each = aws_s3_bucket.x`).
  return new RegExp(`${prefix}${escapeRegex(to.address)}(\\[[^\\]]*\\])?(\\.|\\}|\\s|\\)|,|$)`).test(value);
}

export function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** Terraform JSON writes a nested block as an object or as a list of objects; this reads either. */
export function blockList(value: unknown): Json[] {
  if (Array.isArray(value)) return value.map(asObject).filter((v): v is Json => v !== undefined);
  const single = asObject(value);
  return single ? [single] : [];
}

/** The first (usually only) instance of a nested block. */
export function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** The attribute at a dotted path through nested blocks, taking the first instance of each. */
export function attr(resource: TfResource | Json, path: string): unknown {
  const root = 'attributes' in resource && 'address' in resource ? (resource as TfResource).attributes : resource;
  return path.split('.').reduce<unknown>((node, key) => asObject(firstOf(node))?.[key], root);
}

/** Booleans as Terraform accepts them (`true` or `"true"`). */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

export function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

/** Every address a `cdk.tf.json` declares, sorted (the committed lists under addresses/). */
export function stackAddresses(json: TerraformJson): string[] {
  return new StackDocument('stack', [json]).addresses;
}

/** Reads a synthesized `*.tf.json` file; a file that is not JSON names itself and the fix. */
export function readTerraformJson(file: string): TerraformJson {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as TerraformJson;
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}). Fix: point at Terraform (*.tf or *.tf.json), e.g. a stack directory under cdktf.out/stacks`);
  }
}

function blocks(section: unknown, prefix: string): TfResource[] {
  return blockList(section).flatMap((byType) =>
    Object.entries(byType).flatMap(([type, byName]) =>
      blockList(byName).flatMap((named) =>
        Object.entries(named).map(([name, body]) => {
          const { '//': comment, ...attributes } = asObject(firstOf(body)) ?? {};
          const acknowledgements = asObject(comment)?.acknowledgements;
          return { type, name, address: `${prefix}${type}.${name}`, attributes, ...(acknowledgements === undefined ? {} : { acknowledgements }) };
        }),
      ),
    ),
  );
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
