/**
 * Terraform `moved` blocks for deliberate renames. A changed construct id changes the Terraform
 * address, and Terraform would destroy the old object and create a new one; a `moved` block tells
 * it the object only changed its name, so the plan shows "has moved to" and nothing is replaced.
 */
import { TerraformElement, TerraformResource, TerraformStack } from 'cdktf';
import { AddressError } from './input-error';

/** A resource address, optionally with an instance key: `aws_x.name`, `aws_x.name[0]`, `aws_x.name["k"]`. */
const RESOURCE_ADDRESS = /^([a-z][a-z0-9_]*)\.([a-zA-Z_][a-zA-Z0-9_-]*)(\[(\d+|"[^"]+")\])?$/;

/** One `moved { from = ..., to = ... }` block in the stack of the resource that moved. */
export class MovedBlock extends TerraformElement {
  /** The address the object had, e.g. `aws_subnet.private_a`. */
  readonly from: string;
  /** The resource that now holds the object; its address is read at synth. */
  readonly resource: TerraformResource;

  constructor(resource: TerraformResource, from: string) {
    super(TerraformStack.of(resource), `moved_${from}`.replace(/[^A-Za-z0-9_]+/g, '_'), 'moved');
    const parsed = parseAddress(from);
    if (parsed.type !== resource.terraformResourceType) {
      throw new AddressError({
        subject: 'moved block',
        field: 'from',
        value: from,
        problem: `is a ${parsed.type}, and ${resource.node.path} is a ${resource.terraformResourceType}`,
        fix: 'a rename keeps the type; a changed type needs a new resource and an import',
      });
    }
    this.from = from;
    this.resource = resource;
  }

  /** The resource's address now. */
  get to(): string {
    return `${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}`;
  }

  /** Checked when the stack is complete: the object really moved, and nothing holds the old address. */
  toTerraform(): Record<string, unknown> {
    const stack = TerraformStack.of(this);
    if (this.from.replace(/\[.*\]$/, '') === this.to)
      throw new AddressError({ subject: 'moved block', field: 'from', value: this.from, problem: 'is the address the resource has now', fix: 'remove the rename' });
    const declared = new Set(
      stack.node
        .findAll()
        .filter((c) => TerraformResource.isTerraformResource(c))
        .map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`),
    );
    if (declared.has(this.from.replace(/\[.*\]$/, ''))) {
      throw new AddressError({
        subject: 'moved block',
        field: 'from',
        value: this.from,
        problem: `is still declared in stack ${stack.node.id}`,
        fix: 'moved.from names the old address, which no construct may use any more',
      });
    }
    return { moved: [{ from: this.from, to: this.to }] };
  }
}

/**
 * Declares that `resource` holds the object Terraform knew at the address `from` (the address it
 * had in the previous commit: the old resource no longer exists to be passed). Keep the call until
 * every state (every environment) has been applied with it; the README explains the procedure.
 */
export function renamed(resource: TerraformResource, from: string): MovedBlock {
  return new MovedBlock(resource, from);
}

function parseAddress(address: string): { type: string; name: string } {
  const match = RESOURCE_ADDRESS.exec(address);
  if (!match) {
    throw new AddressError({ subject: 'moved block', field: 'from', value: address, problem: 'is not a resource address', fix: 'write <type>.<name>, e.g. aws_subnet.private_a' });
  }
  return { type: match[1], name: match[2] };
}
