import { isTrue } from '../document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { bucketCompanions } from './check';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export const s3PublicAccessBlock: ResourceRule = {
  kind: 'resource',
  id: 's3-public-access-block',
  property: 'All four S3 public-access blocks are on for the bucket.',
  publicIds: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0093', 'S3.8'],
  fix: `add an aws_s3_bucket_public_access_block for the bucket with ${FLAGS.join(', ')} = true`,
  resourceTypes: ['aws_s3_bucket'],
  check: (bucket, { stack }) => {
    const blocks = bucketCompanions(bucket, 'aws_s3_bucket_public_access_block', stack);
    if (blocks.length === 0) return nonCompliant('no aws_s3_bucket_public_access_block refers to this bucket');
    const off = FLAGS.filter((flag) => !blocks.some((b) => isTrue(b.attributes[flag])));
    return off.length === 0 ? COMPLIANT : nonCompliant(`${off.join(', ')} not true`);
  },
};
