import { attr, isTrue } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { bucketCompanions, unknownAt } from './check';

export const s3Versioning: ResourceRule = {
  kind: 'resource',
  id: 's3-versioning',
  property: 'The bucket keeps object versions, so an overwrite or delete can be undone.',
  publicIds: ['CKV_AWS_21', 'AVD-AWS-0090', 'S3.14'],
  fix: 'add an aws_s3_bucket_versioning for the bucket with versioning_configuration { status = "Enabled" }',
  resourceTypes: ['aws_s3_bucket'],
  check: (bucket, { stack }) => {
    const companions = bucketCompanions(bucket, 'aws_s3_bucket_versioning', stack);
    const unknown = [bucket, ...companions].map((r) => unknownAt(r, ['versioning.enabled', 'versioning_configuration.status'], 'versioning "Enabled"')).find((v) => v);
    if (unknown) return unknown;
    const split = companions.some((v) => attr(v, 'versioning_configuration.status') === 'Enabled');
    const inline = isTrue(attr(bucket, 'versioning.enabled'));
    return split || inline ? COMPLIANT : nonCompliant('no aws_s3_bucket_versioning with status "Enabled" refers to this bucket');
  },
};
