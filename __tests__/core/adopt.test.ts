import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { App, Testing } from 'cdktf';
import { adoptExisting } from '../../src/core/adopt';
import { PlatformStack } from '../../src/core/platform-stack';
import { AddressError } from '../../src/core/input-error';
import { expectInputError } from '../helpers/input-error';

function stackWithBuckets(): { stack: PlatformStack; logs: S3Bucket; many: S3Bucket } {
  const stack = new PlatformStack(new App({ outdir: Testing.app().outdir }), 'demo', {
    region: 'eu-west-1',
    accountId: '111122223333',
    tags: { environment: 'test', layer: 'bootstrap', repository: 'test' },
  });
  const logs = new S3Bucket(stack, 'logs', { bucket: 'demo-logs' });
  const many = new S3Bucket(stack, 'many', { bucket: 'demo-many-${count.index}', count: 2 });
  return { stack, logs, many };
}

describe('adoptExisting', () => {
  it('emits an import block into the resource it is given', () => {
    // GIVEN a stack with a bucket construct
    const { stack, logs } = stackWithBuckets();
    // WHEN the bucket is adopted
    adoptExisting(logs, 'demo-logs');
    // THEN the synthesized JSON imports that bucket, at the bucket's address, by its name
    const json = JSON.parse(Testing.synth(stack));
    expect(json.import).toEqual([{ to: 'aws_s3_bucket.logs', id: 'demo-logs' }]);
  });

  it('emits nothing when the import ID is undefined', () => {
    const { stack, logs } = stackWithBuckets();
    adoptExisting(logs, undefined);
    expect(JSON.parse(Testing.synth(stack)).import).toBeUndefined();
  });

  it('rejects an empty import ID, naming the resource', () => {
    const { logs } = stackWithBuckets();
    const error = expectInputError(AddressError, () => adoptExisting(logs, ' '), 'demo/logs: aws_s3_bucket.logs = " " cannot be imported from an empty ID. Fix: pass the ID of the existing object');
    expect([error.field, error.value]).toEqual(['aws_s3_bucket.logs', ' ']);
  });

  it('rejects a resource with several instances', () => {
    const { many } = stackWithBuckets();
    expectInputError(AddressError, () => adoptExisting(many, 'demo-many-0'), /several instances .*Fix: write an import block for aws_s3_bucket\.many\["<key>"\]/);
  });
});
