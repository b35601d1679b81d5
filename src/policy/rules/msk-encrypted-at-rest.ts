import { attr } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';

export const mskEncryptedAtRest: ResourceRule = {
  kind: 'resource',
  id: 'msk-encrypted-at-rest',
  property: 'Broker storage is encrypted at rest with a customer-managed KMS key the platform controls (stricter than CKV_AWS_81, which accepts the AWS-managed key).',
  publicIds: ['CKV_AWS_81', 'AVD-AWS-0179'],
  stricterThan: ['CKV_AWS_81'],
  fix: 'set encryption_info { encryption_at_rest_kms_key_arn = <aws_kms_key>.arn }',
  resourceTypes: ['aws_msk_cluster'],
  check: (msk) => {
    // A reference to a key is exactly what is wanted, so an expression counts as set.
    const key = attr(msk, 'encryption_info.encryption_at_rest_kms_key_arn');
    return typeof key === 'string' && key !== '' ? COMPLIANT : nonCompliant('encryption_info.encryption_at_rest_kms_key_arn is not set, so an AWS-managed key nobody in the platform controls is used');
  },
};
