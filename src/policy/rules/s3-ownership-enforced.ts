import { attr } from '../document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { bucketCompanions } from './check';

export const s3OwnershipEnforced: ResourceRule = {
  kind: 'resource',
  id: 's3-ownership-enforced',
  property: 'The bucket owner owns every object and ACLs are disabled.',
  publicIds: ['CKV2_AWS_65', 'S3.12'],
  fix: 'add an aws_s3_bucket_ownership_controls for the bucket with rule { object_ownership = "BucketOwnerEnforced" }',
  resourceTypes: ['aws_s3_bucket'],
  check: (bucket, { stack }) =>
    bucketCompanions(bucket, 'aws_s3_bucket_ownership_controls', stack).some((o) => attr(o, 'rule.object_ownership') === 'BucketOwnerEnforced')
      ? COMPLIANT
      : nonCompliant('no aws_s3_bucket_ownership_controls with BucketOwnerEnforced refers to this bucket'),
};
