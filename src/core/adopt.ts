/**
 * Adoption of resources that already exist: each becomes a Terraform `import` block (Terraform
 * 1.5+), so the first plan shows "will be imported" instead of "will be created".
 */
import { TerraformResource, type TerraformStack } from 'cdktf';
import { AddressError } from './input-error';

/** Import IDs by Terraform address (`aws_route53_zone.dns_zone`); undefined entries are skipped. */
export type AdoptionPlan = Readonly<Record<string, string | undefined>>;

/**
 * Marks the resources named in `plan` for import. An address the stack does not have fails synth:
 * a silently ignored import would create a duplicate of the resource it was meant to adopt.
 */
export function adoptExisting(stack: TerraformStack, plan: AdoptionPlan): void {
  const wanted = Object.entries(plan).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (wanted.length === 0) return;
  const resources = new Map<string, TerraformResource>();
  for (const node of stack.node.findAll()) {
    if (node instanceof TerraformResource) resources.set(`${node.terraformResourceType}.${node.friendlyUniqueId}`, node);
  }
  for (const [address, id] of wanted) {
    const resource = resources.get(address);
    if (!resource) {
      const sameType = [...resources.keys()].filter((a) => a.startsWith(`${address.split('.')[0]}.`));
      const hint = sameType.length > 0 ? `one of ${sameType.join(', ')}` : `an address listed in cdktf.out/stacks/${stack.node.id}/cdk.tf.json`;
      throw new AddressError({
        subject: `stack ${stack.node.id}`,
        field: address,
        value: id,
        problem: `cannot be imported: the stack has no resource ${address}`,
        fix: `use ${hint}`,
      });
    }
    if (resource.forEach !== undefined || resource.count !== undefined) {
      throw new AddressError({
        subject: `stack ${stack.node.id}`,
        field: address,
        value: id,
        problem: `cannot be imported: ${address} has several instances (for_each/count), and an import needs one`,
        fix: `write an import block for ${address}["<key>"] by hand`,
      });
    }
    resource.importFrom(id);
  }
}
