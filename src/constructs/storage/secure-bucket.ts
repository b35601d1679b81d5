import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { checkName } from '../../core/naming';
import { type Protection, protectionOf } from '../../core/protection';
import { policyDocument, type Statement } from '../iam/policies';

export interface SecureBucketProps {
  /** Physical bucket name; checked against S3's 3-63 lowercase rule. */
  readonly bucketName: string;
  /** KMS key for SSE-KMS (ALB access logs only accept SSE-S3, so leave it unset there). @default - SSE-S3 (AES256) */
  readonly kmsKeyArn?: string;
  /** Statements added to the bucket policy next to the TLS-only denial. @default - none */
  readonly policyStatements?: readonly Statement[];
  /** Delete current objects after this many days. @default - current objects are kept */
  readonly expireAfterDays?: number;
  /** Delete old object versions after this many days. @default 90 */
  readonly noncurrentVersionExpiryInDays?: number;
  /**
   * `preventDestroy` -> the bucket's `prevent_destroy`. S3 has no deletion protection of its own
   * (`deletionProtection` is unused); `force_destroy` is always false, so a bucket with objects
   * is never emptied by a destroy. @default - protected
   */
  readonly protection?: Protection;
}

/** S3 bucket with versioning, encryption, all public access blocked, ACLs disabled, TLS-only policy and lifecycle. */
export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  /** The bucket policy; depend on it before a service starts writing into the bucket. */
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const noncurrentDays = props.noncurrentVersionExpiryInDays ?? 90;

    this.bucket = new S3Bucket(this, 'this', {
      bucket: checkName(props.bucketName, 's3Bucket'),
      forceDestroy: false,
      lifecycle: { preventDestroy: protectionOf(props.protection).preventDestroy },
    });
    const bucket = this.bucket.id;
    new S3BucketVersioningA(this, 'versioning', { bucket, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault: props.kmsKeyArn ? { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn } : { sseAlgorithm: 'AES256' },
          bucketKeyEnabled: props.kmsKeyArn !== undefined,
        },
      ],
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, 'public_access', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: policyDocument([
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        ...(props.policyStatements ?? []),
      ]),
      // The public access block must exist first, or S3 may evaluate the policy without it.
      dependsOn: [publicAccess],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: [
        {
          id: 'tidy-versions-and-uploads',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
          ...(props.expireAfterDays ? { expiration: [{ days: props.expireAfterDays }] } : {}),
        },
      ],
    });
  }
}
