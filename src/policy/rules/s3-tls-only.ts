import { asObject, blockList } from '../../terraform-json/document';
import { type PolicyStatement, policyStatements } from '../statements';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { bucketCompanions } from './check';

/** A Deny on `aws:SecureTransport = false`, as a JSON condition or a policy-document condition block. */
function deniesPlainHttp(s: PolicyStatement): boolean {
  if (s.effect !== 'Deny') return false;
  const json = asObject(asObject(s.condition)?.Bool)?.['aws:SecureTransport'];
  if (json === 'false' || json === false) return true;
  return blockList(s.condition).some((c) => c.test === 'Bool' && c.variable === 'aws:SecureTransport' && JSON.stringify(c.values) === '["false"]');
}

export const s3TlsOnly: ResourceRule = {
  kind: 'resource',
  id: 's3-tls-only',
  property: 'The bucket policy denies every request that does not use TLS.',
  publicIds: ['S3.5'],
  fix: 'add a bucket policy statement Deny s3:* on the bucket and its objects when aws:SecureTransport is "false"',
  resourceTypes: ['aws_s3_bucket'],
  check: (bucket, { stack }) => {
    const documents = [...bucketCompanions(bucket, 'aws_s3_bucket_policy', stack).map((p) => p.attributes.policy), bucket.attributes.policy];
    const statements = documents.filter((d) => d !== undefined).map((d) => policyStatements(d, stack));
    if (statements.some((list) => list?.some(deniesPlainHttp))) return COMPLIANT;
    if (statements.some((list) => list === undefined)) return nonCompliant('its bucket policy cannot be read at synth, so TLS-only access cannot be confirmed');
    return nonCompliant('no bucket policy denies requests with aws:SecureTransport = false');
  },
};
