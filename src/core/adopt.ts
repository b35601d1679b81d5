/**
 * Adoption of resources that already exist: each becomes a Terraform `import` block (Terraform
 * 1.5+), so the first plan shows "will be imported" instead of "will be created".
 */
import type { TerraformResource } from 'cdktf';
import { AddressError } from './input-error';

/**
 * Imports the existing object `importId` into `resource` (nothing when `importId` is undefined).
 * The resource is the construct's own object, so the import cannot miss it: a silently ignored
 * import would create a duplicate of the object it was meant to adopt.
 */
export function adoptExisting(resource: TerraformResource, importId: string | undefined): void {
  if (importId === undefined) return;
  const address = `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
  if (importId.trim() === '') {
    throw new AddressError({
      subject: resource.node.path,
      field: address,
      value: importId,
      problem: 'cannot be imported from an empty ID',
      fix: "pass the ID of the existing object (e.g. a bucket's name), or undefined to create it",
    });
  }
  if (resource.forEach !== undefined || resource.count !== undefined) {
    throw new AddressError({
      subject: resource.node.path,
      field: address,
      value: importId,
      problem: `cannot be imported: ${address} has several instances (for_each/count), and an import needs one`,
      fix: `write an import block for ${address}["<key>"] by hand`,
    });
  }
  resource.importFrom(importId);
}
