/**
 * The tenant app: one stack, checked by the platform's policy pack during synth. In a tenant
 * repository: `npm ci && npm run build && npx cdktf synth` (cdktf.json runs `node main.js`), then
 * `cd cdktf.out/stacks/api-staging && terraform init && terraform plan -var api_image=...`.
 */
import { addPolicyCheck } from '@atlas/platform-constructs/policy';
import { App } from 'cdktf';
import { ApiTenantStack } from './api-tenant-stack';
import { API_STAGING } from './settings';

const app = new App();
new ApiTenantStack(app, 'api-staging', API_STAGING);
// No acknowledgements: the tenant's stack holds every rule of the pack, or synth fails naming the finding.
addPolicyCheck(app);
app.synth();
