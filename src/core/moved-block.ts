/**
 * Terraform `moved` blocks for deliberate renames. A changed construct id changes the Terraform
 * address, and Terraform would destroy the old object and create a new one; a `moved` block tells
 * it the object only changed its name, so the plan shows "has moved to" and nothing is replaced.
 */
import { TerraformElement, TerraformResource, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';

/** One rename: the address a resource had and the address it has now. */
export interface MovedBlockProps {
  /** The address the object had in the previous commit, e.g. `aws_subnet.private_a`. */
  readonly from: string;
  /** The address it has now, e.g. `aws_subnet.network_private_a`; must be declared in this stack. */
  readonly to: string;
}

/** A resource address, optionally with an instance key: `aws_x.name`, `aws_x.name[0]`, `aws_x.name["k"]`. */
const RESOURCE_ADDRESS = /^([a-z][a-z0-9_]*)\.([a-zA-Z_][a-zA-Z0-9_-]*)(\[(\d+|"[^"]+")\])?$/;

/** One `moved { from = ..., to = ... }` block in the stack's JSON. */
export class MovedBlock extends TerraformElement {
  readonly from: string;
  readonly to: string;

  constructor(scope: Construct, id: string, props: MovedBlockProps) {
    super(scope, id, 'moved');
    const from = parseAddress('from', props.from);
    const to = parseAddress('to', props.to);
    if (from.type !== to.type) {
      throw new Error(`moved block: from = "${props.from}" and to = "${props.to}" have different resource types. Fix: a rename keeps the type; a changed type needs a new resource and an import`);
    }
    if (props.from === props.to) throw new Error(`moved block: from and to are both "${props.from}". Fix: remove the rename`);
    this.from = props.from;
    this.to = props.to;
  }

  /** Checked when the stack is complete: the new address exists and the old one is gone. */
  toTerraform(): Record<string, unknown> {
    const declared = new Set(
      TerraformStack.of(this)
        .node.findAll()
        .filter((c) => TerraformResource.isTerraformResource(c))
        .map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`),
    );
    const withoutKey = (address: string) => address.replace(/\[.*\]$/, '');
    if (!declared.has(withoutKey(this.to))) {
      throw new Error(`moved block: to = "${this.to}" is not declared in stack ${TerraformStack.of(this).node.id}. Fix: use the new address as listed in addresses/${TerraformStack.of(this).node.id}.txt after \`npm run addresses:update\``);
    }
    if (declared.has(withoutKey(this.from))) {
      throw new Error(`moved block: from = "${this.from}" is still declared in stack ${TerraformStack.of(this).node.id}. Fix: moved.from names the old address, which no construct may use any more`);
    }
    return { moved: [{ from: this.from, to: this.to }] };
  }
}

/**
 * Declares that the object at `from` is now at `to` in `stack`. Keep the call until every state
 * (every environment) has been applied with it; the README explains the procedure.
 */
export function renamed(stack: TerraformStack, move: MovedBlockProps): MovedBlock {
  const id = `moved_${move.from}`.replace(/[^A-Za-z0-9_]+/g, '_');
  return new MovedBlock(stack, id, move);
}

function parseAddress(field: 'from' | 'to', address: string): { type: string; name: string } {
  const match = RESOURCE_ADDRESS.exec(address);
  if (!match) {
    throw new Error(`moved block: ${field} = "${address}" is not a resource address. Fix: write <type>.<name>, e.g. aws_subnet.network_private_a`);
  }
  return { type: match[1], name: match[2] };
}
