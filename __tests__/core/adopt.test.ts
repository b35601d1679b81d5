import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { App, Testing } from 'cdktf';
import { adoptExisting } from '../../src/core/adopt';
import { PlatformStack } from '../../src/core/platform-stack';
import { AddressError } from '../../src/core/input-error';
import { expectInputError } from '../helpers/input-error';

function stackWithBuckets(): PlatformStack {
  const stack = new PlatformStack(new App({ outdir: Testing.app().outdir }), 'demo', {
    region: 'eu-west-1',
    accountId: '111122223333',
    tags: { environment: 'test', layer: 'bootstrap', repository: 'test' },
  });
  new S3Bucket(stack, 'logs', { bucket: 'demo-logs' });
  new S3Bucket(stack, 'many', { bucket: 'demo-many-${count.index}', count: 2 });
  return stack;
}

describe('adoptExisting', () => {
  it('emits an import block for an address the stack has', () => {
    // GIVEN a stack with a bucket at aws_s3_bucket.logs
    const stack = stackWithBuckets();
    // WHEN the bucket is adopted
    adoptExisting(stack, { 'aws_s3_bucket.logs': 'demo-logs' });
    // THEN the synthesized JSON imports that bucket by its name
    const json = JSON.parse(Testing.synth(stack));
    expect(json.import).toEqual([{ to: 'aws_s3_bucket.logs', id: 'demo-logs' }]);
  });

  it('emits nothing when every import ID is undefined', () => {
    const stack = stackWithBuckets();
    adoptExisting(stack, { 'aws_s3_bucket.logs': undefined });
    expect(JSON.parse(Testing.synth(stack)).import).toBeUndefined();
  });

  it('rejects an address the stack does not have, naming the addresses of that type', () => {
    const stack = stackWithBuckets();
    const error = expectInputError(
      AddressError,
      () => adoptExisting(stack, { 'aws_s3_bucket.log': 'demo-logs' }),
      /aws_s3_bucket\.log = "demo-logs" cannot be imported: the stack has no resource aws_s3_bucket\.log\. Fix: use one of aws_s3_bucket\.logs, aws_s3_bucket\.many/,
    );
    expect([error.field, error.value]).toEqual(['aws_s3_bucket.log', 'demo-logs']);
  });

  it('rejects a resource with several instances', () => {
    const stack = stackWithBuckets();
    expectInputError(AddressError, () => adoptExisting(stack, { 'aws_s3_bucket.many': 'demo-many-0' }), /several instances .*Fix: write an import block/);
  });
});
