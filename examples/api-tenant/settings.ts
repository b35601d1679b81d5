/** Where the api runs: the platform's staging account, its SSM prefix and its state bucket. */
import type { ApiTenantStackProps } from './api-tenant-stack';

export const API_STAGING: ApiTenantStackProps = {
  region: 'eu-west-1',
  accountId: '111122223333',
  environment: 'dev',
  namePrefix: 'poc-atlas-dev',
  ssmPrefix: '/infra',
  hostname: 'api.hari328.net',
  repository: 'github.com/atlas/backend-patterns-ts',
  state: { bucket: 'atlas-terraform-state-111122223333', lockTable: 'atlas-terraform-locks', region: 'eu-west-1', useLockfile: false },
  // On the platform's EC2 group (t3.medium in staging): reserve 384 MiB, burst to the 512 MiB limit.
  capacity: { kind: 'ec2', instanceType: 't3.medium', memoryReservation: 384 },
};
