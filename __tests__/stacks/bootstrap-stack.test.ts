import { Testing } from 'cdktf';
import { BOOTSTRAP_STATE_KEY, BootstrapStack } from '../../stacks/bootstrap-stack';
import { loadEnvironment } from '../../src/config/load';
import { resource, synthJson } from '../helpers/synth';

const staging = loadEnvironment('staging');
const bootstrap = synthJson(
  new BootstrapStack(Testing.app(), 'bootstrap', { state: staging.state, accountId: staging.aws.accountId, repository: staging.repository, backend: staging.state.bootstrapBackend }),
);

describe('bootstrap stack', () => {
  it('keeps local state outside cdktf.out, so a fresh synth never deletes it', () => {
    expect(bootstrap.terraform.backend).toEqual({ local: { path: '../../../terraform.bootstrap.tfstate' } });
  });

  it("moves its state into the bucket it created when the config says bootstrapBackend: 's3'", () => {
    const state = { bucket: 'atlas-terraform-state-111122223333', lockTable: 'atlas-terraform-locks', region: 'eu-west-1', useLockfile: false };
    const migrated = synthJson(new BootstrapStack(Testing.app(), 'bootstrap', { state, accountId: '111122223333', repository: 'test', backend: 's3' }));
    expect(migrated.terraform.backend).toEqual({
      s3: { bucket: state.bucket, key: BOOTSTRAP_STATE_KEY, region: 'eu-west-1', encrypt: true, dynamodb_table: state.lockTable },
    });
    expect(BOOTSTRAP_STATE_KEY).toBe('bootstrap/terraform.tfstate');
  });

  it('creates the state bucket versioned, encrypted, private, TLS-only and protected from destroy', () => {
    expect(resource(bootstrap, 'aws_s3_bucket', 'state')).toMatchObject({
      bucket: 'atlas-terraform-state-111122223333',
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(resource(bootstrap, 'aws_s3_bucket_versioning', 'state_versioning').versioning_configuration.status).toBe('Enabled');
    expect(resource(bootstrap, 'aws_s3_bucket_public_access_block', 'state_public_access')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(resource(bootstrap, 'aws_s3_bucket_ownership_controls', 'state_ownership').rule.object_ownership).toBe('BucketOwnerEnforced');
    const policy = resource(bootstrap, 'aws_s3_bucket_policy', 'state_policy').policy as string;
    expect(policy).toContain('"aws:SecureTransport" = "false"');
    expect(policy).toContain('"Sid" = "DenyInsecureTransport", "Effect" = "Deny"');
  });

  it('creates the lock table with point-in-time recovery, encryption and deletion protection', () => {
    expect(resource(bootstrap, 'aws_dynamodb_table', 'lock')).toMatchObject({
      name: 'atlas-terraform-locks',
      hash_key: 'LockID',
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true },
      deletion_protection_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
  });
});
