import { attr, isTrue } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { show } from './check';

export const firehoseEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'firehose-encrypted',
  // CKV_AWS_240/241 read only server_side_encryption, which AWS offers for Direct PUT streams alone;
  // an MSK- or Kinesis-source stream is judged by the key its S3 destination writes with.
  property:
    'A Firehose stream encrypts what it keeps: a Direct PUT stream has server_side_encryption enabled; a stream with an MSK or Kinesis source writes its S3 objects with a KMS key (extended_s3_configuration.kms_key_arn).',
  publicIds: [],
  fix: 'Direct PUT: set server_side_encryption { enabled = true } (optionally a customer-managed key); MSK or Kinesis source: set extended_s3_configuration { kms_key_arn = <aws_kms_key>.arn }',
  resourceTypes: ['aws_kinesis_firehose_delivery_stream'],
  check: (stream) => {
    const sourced = attr(stream, 'msk_source_configuration') !== undefined || attr(stream, 'kinesis_source_configuration') !== undefined;
    if (sourced) {
      const key = attr(stream, 'extended_s3_configuration.kms_key_arn');
      return typeof key === 'string' && key !== '' ? COMPLIANT : nonCompliant('extended_s3_configuration.kms_key_arn is not set, so the objects get only whatever the bucket defaults to');
    }
    const enabled = attr(stream, 'server_side_encryption.enabled');
    return isTrue(enabled) ? COMPLIANT : nonCompliant(`server_side_encryption.enabled is ${show(enabled)}; wants true`);
  },
};
