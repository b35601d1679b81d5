import { isTrue } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { bucketCompanions, unknownAt } from './check';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

/**
 * Two halves, so each finding sits where it is fixed: a bucket must have a public-access block
 * (stricter than the ids, which read only the block), and every block must set all four flags.
 */
export const s3PublicAccessBlock: ResourceRule = {
  kind: 'resource',
  id: 's3-public-access-block',
  property: 'All four S3 public-access blocks are on for every bucket (a bucket without an aws_s3_bucket_public_access_block is a finding too, stricter than CKV_AWS_53-56).',
  publicIds: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0093', 'S3.8'],
  stricterThan: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'],
  fix: `add an aws_s3_bucket_public_access_block for the bucket with ${FLAGS.join(', ')} = true`,
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_public_access_block'],
  check: (resource, { stack }) => {
    if (resource.type === 'aws_s3_bucket') {
      return bucketCompanions(resource, 'aws_s3_bucket_public_access_block', stack).length > 0 ? COMPLIANT : nonCompliant('no aws_s3_bucket_public_access_block refers to this bucket');
    }
    const unknown = unknownAt(resource, FLAGS, 'true');
    if (unknown) return unknown;
    const off = FLAGS.filter((flag) => !isTrue(resource.attributes[flag]));
    return off.length === 0 ? COMPLIANT : nonCompliant(`${off.join(', ')} not true`);
  },
};
