/** The example tenant (examples/api-tenant) synthesized alone: its addresses belong to the API report. */
import { Testing } from 'cdktf';
import { ApiTenantStack } from '../../examples/api-tenant/api-tenant-stack';
import { API_STAGING } from '../../examples/api-tenant/settings';
import { stackAddresses, type TerraformJson } from '../terraform-json/document';

/**
 * The Terraform addresses the package's constructs give the example tenant (its own outputs left
 * out): a tenant's state keys, so a change to one is a change to the package's contract.
 */
export function exampleTenantAddresses(): string[] {
  const stack = new ApiTenantStack(Testing.app(), 'api-staging', API_STAGING);
  return stackAddresses(JSON.parse(Testing.synth(stack)) as TerraformJson).filter((address) => !address.startsWith('output.'));
}
