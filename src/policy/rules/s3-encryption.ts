import { attr, blockList } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { bucketCompanions, unknownAt } from './check';

const ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'];

export const s3Encryption: ResourceRule = {
  kind: 'resource',
  id: 's3-encryption',
  property: 'The bucket declares default server-side encryption (stricter than CKV_AWS_19, which accepts the SSE-S3 default of a bucket that declares none).',
  publicIds: ['CKV_AWS_19', 'AVD-AWS-0088'],
  stricterThan: ['CKV_AWS_19'],
  fix: 'add an aws_s3_bucket_server_side_encryption_configuration for the bucket (sse_algorithm "aws:kms" or "AES256")',
  resourceTypes: ['aws_s3_bucket'],
  check: (bucket, { stack }) => {
    // The split resource (provider v4+) or the legacy inline block of hand-written Terraform.
    const configs = [
      ...bucketCompanions(bucket, 'aws_s3_bucket_server_side_encryption_configuration', stack).map((c) => c.attributes),
      ...blockList(bucket.attributes.server_side_encryption_configuration),
    ];
    const unknown = configs.map((c) => unknownAt(c, ['rule.apply_server_side_encryption_by_default.sse_algorithm'], 'a literal algorithm')).find((v) => v);
    if (unknown) return unknown;
    const encrypted = configs.some((c) => blockList(c.rule).some((r) => ALGORITHMS.includes(String(attr(r, 'apply_server_side_encryption_by_default.sse_algorithm')))));
    return encrypted ? COMPLIANT : nonCompliant('no server-side encryption configuration with an algorithm refers to this bucket');
  },
};
