/**
 * Synthesizes the example tenant on its own:
 *   node -r ./scripts/swc-register.js examples/api-tenant/main.ts
 * then `cd examples/api-tenant/cdktf.out/stacks/api-staging && terraform init && terraform plan -var api_image=...`.
 */
import { App } from 'cdktf';
import * as path from 'path';
import { ApiTenantStack } from './api-tenant-stack';

const app = new App({ outdir: path.join(__dirname, 'cdktf.out') });
new ApiTenantStack(app, 'api-staging', {
  region: 'eu-west-1',
  accountId: '111122223333',
  environment: 'dev',
  namePrefix: 'poc-atlas-dev',
  ssmPrefix: '/infra',
  hostname: 'api.hari328.net',
  repository: 'github.com/atlas/backend-patterns-ts',
  state: { bucket: 'atlas-terraform-state-111122223333', lockTable: 'atlas-terraform-locks', region: 'eu-west-1', useLockfile: false },
});
app.synth();
