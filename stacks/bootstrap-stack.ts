import type { Construct } from 'constructs';
import { LockTable } from '../src/constructs/storage/lock-table';
import { SecureBucket } from '../src/constructs/storage/secure-bucket';
import { adoptExisting } from '../src/core/adopt';
import { acknowledge } from '../src/core/acknowledge';
import { addOutputs } from '../src/core/outputs';
import { PlatformStack, type StateBackendSettings } from '../src/core/platform-stack';
import { PROTECTED } from '../src/core/protection';

/** The bootstrap's own state object once it lives in the bucket it created. */
export const BOOTSTRAP_STATE_KEY = 'bootstrap/terraform.tfstate';

export interface BootstrapStackProps {
  readonly state: StateBackendSettings;
  readonly accountId: string;
  readonly repository: string;
  /** `local` until the bucket exists, then `s3` once the README's migration has run. @default 'local' */
  readonly backend?: 'local' | 's3';
  /** Import the bucket and/or table that already exist under the configured names. @default - create both */
  readonly adoptExisting?: readonly ('bucket' | 'lockTable')[];
}

/**
 * Layer 0: the S3 bucket and DynamoDB table that hold every other stack's state. It starts with
 * local state (the bucket does not exist yet); `state.bootstrapBackend: 's3'` in the config moves
 * it into the bucket once it does (README "Bootstrap"). Both are protected from destroy in every
 * environment: losing them loses the state of the whole platform.
 */
export class BootstrapStack extends PlatformStack {
  constructor(scope: Construct, id: string, props: BootstrapStackProps) {
    super(scope, id, {
      region: props.state.region,
      accountId: props.accountId,
      tags: { environment: 'shared', layer: 'bootstrap', repository: props.repository },
      // It holds the state of every environment, production included.
      tier: 'production',
      ...(props.backend === 's3' ? { state: props.state, stateKey: BOOTSTRAP_STATE_KEY } : {}),
    });
    if (props.backend !== 's3') {
      acknowledge(this.backend, {
        rule: 'state-backend-secure',
        reason: 'The bootstrap stack creates the state bucket and lock table, so it cannot keep its first state in them; README "Bootstrap" migrates it into the bucket after the first apply.',
      });
    }
    const bucket = new SecureBucket(this, 'state', {
      bucketName: props.state.bucket,
      noncurrentVersionExpiryInDays: 365,
      protection: PROTECTED,
    });
    const table = new LockTable(this, 'lock', { tableName: props.state.lockTable, protection: PROTECTED });

    addOutputs(this, {
      state_bucket: { value: bucket.bucket.bucket, description: 'S3 bucket holding the Terraform state of every stack' },
      lock_table: { value: table.table.name, description: 'DynamoDB table used for Terraform state locking' },
    });

    // The import ID of an S3 bucket and of a DynamoDB table is its name. Only the bucket itself is
    // imported: its versioning, encryption, policy... are idempotent settings applied over it.
    const adopt = props.adoptExisting ?? [];
    adoptExisting(bucket.bucket, adopt.includes('bucket') ? props.state.bucket : undefined);
    adoptExisting(table.table, adopt.includes('lockTable') ? props.state.lockTable : undefined);
  }
}
