import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { bucketCompanions, requireAttr } from './check';

export const s3OwnershipEnforced: ResourceRule = {
  kind: 'resource',
  id: 's3-ownership-enforced',
  property: 'The bucket owner owns every object and ACLs are disabled (a bucket without ownership controls is a finding too, stricter than CKV2_AWS_65).',
  publicIds: ['CKV2_AWS_65', 'S3.12'],
  stricterThan: ['CKV2_AWS_65'],
  fix: 'add an aws_s3_bucket_ownership_controls for the bucket with rule { object_ownership = "BucketOwnerEnforced" }',
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_ownership_controls'],
  check: (resource, { stack }) => {
    if (resource.type === 'aws_s3_bucket_ownership_controls') {
      return requireAttr(resource, 'rule.object_ownership', (v) => v === 'BucketOwnerEnforced', '"BucketOwnerEnforced"');
    }
    // The controls' own value is judged on the controls; here only that some exist.
    const controls = bucketCompanions(resource, 'aws_s3_bucket_ownership_controls', stack);
    return controls.length > 0 ? COMPLIANT : nonCompliant('no aws_s3_bucket_ownership_controls with BucketOwnerEnforced refers to this bucket');
  },
};
