import { type ResourceRule } from '../types';
import { COMPLIANT, nonCompliant } from '../types';

export const snsEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'sns-encrypted',
  property: 'SNS topics are encrypted at rest with KMS.',
  publicIds: ['CKV_AWS_26', 'AVD-AWS-0095', 'SNS.1'],
  fix: 'set kms_master_key_id on the topic (a customer-managed key the publishers may use)',
  resourceTypes: ['aws_sns_topic'],
  // A reference to a key counts: which key it is does not change whether the topic is encrypted.
  check: (topic) => {
    const key = topic.attributes.kms_master_key_id;
    return typeof key === 'string' && key !== '' ? COMPLIANT : nonCompliant('kms_master_key_id is not set');
  },
};
