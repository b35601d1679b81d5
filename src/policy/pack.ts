/** The policy pack: every rule, grouped by resource kind as docs/security.md describes them. One rule per file under rules/. */
import { albDropInvalidHeaders } from './rules/alb-drop-invalid-headers';
import { albHttpRedirectsToHttps } from './rules/alb-http-redirects-to-https';
import { albTlsPolicy } from './rules/alb-tls-policy';
import { albAccessLogs } from './rules/alb-access-logs';
import { albDeletionProtection } from './rules/alb-deletion-protection';
import { albInternal } from './rules/alb-internal';
import { ec2Imdsv2Required } from './rules/ec2-imdsv2-required';
import { ec2ImdsHopLimit } from './rules/ec2-imds-hop-limit';
import { ec2EbsEncrypted } from './rules/ec2-ebs-encrypted';
import { ec2NoPublicIp } from './rules/ec2-no-public-ip';
import { sgNoPublicIngress } from './rules/sg-no-public-ingress';
import { sgPublicWebIngress } from './rules/sg-public-web-ingress';
import { sgDescriptions } from './rules/sg-descriptions';
import { vpcFlowLogs } from './rules/vpc-flow-logs';
import { vpcDefaultSgClosed } from './rules/vpc-default-sg-closed';
import { subnetNoAutoPublicIp } from './rules/subnet-no-auto-public-ip';
import { ecsTaskNotPrivileged } from './rules/ecs-task-not-privileged';
import { ecsTaskReadonlyRoot } from './rules/ecs-task-readonly-root';
import { ecsTaskNoSecretEnv } from './rules/ecs-task-no-secret-env';
import { ecsTaskAwsvpc } from './rules/ecs-task-awsvpc';
import { ecsTaskLogging } from './rules/ecs-task-logging';
import { ecsTaskEfsTransitEncryption } from './rules/ecs-task-efs-transit-encryption';
import { ecsClusterContainerInsights } from './rules/ecs-cluster-container-insights';
import { ecsServiceNoPublicIp } from './rules/ecs-service-no-public-ip';
import { ecrImmutableTags } from './rules/ecr-immutable-tags';
import { ecrScanOnPush } from './rules/ecr-scan-on-push';
import { ecrLifecyclePolicy } from './rules/ecr-lifecycle-policy';
import { rdsEncrypted } from './rules/rds-encrypted';
import { rdsNotPublic } from './rules/rds-not-public';
import { rdsBackupRetention } from './rules/rds-backup-retention';
import { rdsDeletionProtection } from './rules/rds-deletion-protection';
import { rdsIamAuth } from './rules/rds-iam-auth';
import { rdsMultiAz } from './rules/rds-multi-az';
import { rdsAutoMinorUpgrade } from './rules/rds-auto-minor-upgrade';
import { rdsTlsForced } from './rules/rds-tls-forced';
import { rdsManagedPassword } from './rules/rds-managed-password';
import { rdsFinalSnapshot } from './rules/rds-final-snapshot';
import { mskTlsInTransit } from './rules/msk-tls-in-transit';
import { mskEncryptedAtRest } from './rules/msk-encrypted-at-rest';
import { mskBrokerLogs } from './rules/msk-broker-logs';
import { mskIamAuth } from './rules/msk-iam-auth';
import { mskNotPublic } from './rules/msk-not-public';
import { s3PublicAccessBlock } from './rules/s3-public-access-block';
import { s3Encryption } from './rules/s3-encryption';
import { s3Versioning } from './rules/s3-versioning';
import { s3TlsOnly } from './rules/s3-tls-only';
import { s3OwnershipEnforced } from './rules/s3-ownership-enforced';
import { dynamodbPitr } from './rules/dynamodb-pitr';
import { dynamodbEncrypted } from './rules/dynamodb-encrypted';
import { dynamodbDeletionProtection } from './rules/dynamodb-deletion-protection';
import { efsEncrypted } from './rules/efs-encrypted';
import { efsAccessPointConfined } from './rules/efs-access-point-confined';
import { logGroupRetention } from './rules/log-group-retention';
import { snsEncrypted } from './rules/sns-encrypted';
import { firehoseEncrypted } from './rules/firehose-encrypted';
import { noPlaintextSecret } from './rules/no-plaintext-secret';
import { iamNoWildcardAdmin } from './rules/iam-no-wildcard-admin';
import { iamNoAdminManagedPolicy } from './rules/iam-no-admin-managed-policy';
import { cognitoNoUnauthenticated } from './rules/cognito-no-unauthenticated';
import { cognitoPasswordPolicy } from './rules/cognito-password-policy';
import { cognitoMfa } from './rules/cognito-mfa';
import { cognitoDeletionProtection } from './rules/cognito-deletion-protection';
import { stateBackendSecure } from './rules/state-backend-secure';
import { preventDestroyStateful } from './rules/prevent-destroy-stateful';
import { nameWithinLimit } from './rules/name-within-limit';
import { listenerPriorityUnique } from './rules/listener-priority-unique';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  albDropInvalidHeaders,
  albHttpRedirectsToHttps,
  albTlsPolicy,
  albAccessLogs,
  albDeletionProtection,
  albInternal,
  ec2Imdsv2Required,
  ec2ImdsHopLimit,
  ec2EbsEncrypted,
  ec2NoPublicIp,
  sgNoPublicIngress,
  sgPublicWebIngress,
  sgDescriptions,
  vpcFlowLogs,
  vpcDefaultSgClosed,
  subnetNoAutoPublicIp,
  ecsTaskNotPrivileged,
  ecsTaskReadonlyRoot,
  ecsTaskNoSecretEnv,
  ecsTaskAwsvpc,
  ecsTaskLogging,
  ecsTaskEfsTransitEncryption,
  ecsClusterContainerInsights,
  ecsServiceNoPublicIp,
  ecrImmutableTags,
  ecrScanOnPush,
  ecrLifecyclePolicy,
  rdsEncrypted,
  rdsNotPublic,
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsIamAuth,
  rdsMultiAz,
  rdsAutoMinorUpgrade,
  rdsTlsForced,
  rdsManagedPassword,
  rdsFinalSnapshot,
  mskTlsInTransit,
  mskEncryptedAtRest,
  mskBrokerLogs,
  mskIamAuth,
  mskNotPublic,
  s3PublicAccessBlock,
  s3Encryption,
  s3Versioning,
  s3TlsOnly,
  s3OwnershipEnforced,
  dynamodbPitr,
  dynamodbEncrypted,
  dynamodbDeletionProtection,
  efsEncrypted,
  efsAccessPointConfined,
  logGroupRetention,
  snsEncrypted,
  firehoseEncrypted,
  noPlaintextSecret,
  iamNoWildcardAdmin,
  iamNoAdminManagedPolicy,
  cognitoNoUnauthenticated,
  cognitoPasswordPolicy,
  cognitoMfa,
  cognitoDeletionProtection,
  stateBackendSecure,
  preventDestroyStateful,
  nameWithinLimit,
  listenerPriorityUnique,
];
