import { SecureBucket } from '../../../src/constructs/storage/secure-bucket';
import { resource, synthJson } from '../../helpers/synth';
import { testStack } from '../../helpers/stack';

function synthBucket(props: Partial<ConstructorParameters<typeof SecureBucket>[2]> = {}) {
  const stack = testStack();
  new SecureBucket(stack, 'exports', { bucketName: 'test-exports', ...props });
  return synthJson(stack);
}

describe('SecureBucket', () => {
  it('encrypts with SSE-S3 by default and with the given KMS key when one is set', () => {
    const sse = (json: ReturnType<typeof synthBucket>) => resource(json, 'aws_s3_bucket_server_side_encryption_configuration', 'exports_encryption').rule[0].apply_server_side_encryption_by_default;
    expect(sse(synthBucket())).toEqual({ sse_algorithm: 'AES256' });
    expect(sse(synthBucket({ kmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/abc' }))).toEqual({
      sse_algorithm: 'aws:kms',
      kms_master_key_id: 'arn:aws:kms:eu-west-1:111122223333:key/abc',
    });
  });

  it('expires current objects only when asked to', () => {
    const rule = (json: ReturnType<typeof synthBucket>) => resource(json, 'aws_s3_bucket_lifecycle_configuration', 'exports_lifecycle').rule[0];
    expect(rule(synthBucket()).expiration).toBeUndefined();
    expect(rule(synthBucket({ expireAfterDays: 30 })).expiration).toEqual([{ days: 30 }]);
    expect(rule(synthBucket()).noncurrent_version_expiration).toEqual([{ noncurrent_days: 90 }]);
  });

  it('adds extra policy statements next to the TLS-only denial', () => {
    const json = synthBucket({
      policyStatements: [{ Sid: 'AllowDelivery', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::test-exports/*', Principal: { Service: 'delivery.logs.amazonaws.com' } }],
    });
    const policy = resource(json, 'aws_s3_bucket_policy', 'exports_policy');
    expect(policy.policy).toMatch(/"Sid" = "DenyInsecureTransport".*"Sid" = "AllowDelivery"/);
    expect(policy.depends_on).toEqual(['aws_s3_bucket_public_access_block.exports_public_access']);
  });

  it('rejects a bucket name S3 would refuse', () => {
    expect(() => synthBucket({ bucketName: 'Test_Exports' })).toThrow(/S3 bucket name "Test_Exports" must be lowercase/);
  });
});
