import { EfsBackupPolicy } from '@cdktf/provider-aws/lib/efs-backup-policy';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system';
import { EfsFileSystemPolicy } from '@cdktf/provider-aws/lib/efs-file-system-policy';
import { EfsMountTarget } from '@cdktf/provider-aws/lib/efs-mount-target';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import type { Names } from '../../core/naming';
import { type Protection, protectionOf } from '../../core/protection';
import type { ZonalSubnet } from '../network/network';
import { policyDocument } from '../iam/policies';

export interface SharedFileSystemProps {
  readonly names: Names;
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** One mount target per subnet (the private subnets), addressed by zone suffix. */
  readonly subnets: readonly ZonalSubnet[];
  /** `preventDestroy` -> the file system's `prevent_destroy` (EFS has no deletion protection; `deletionProtection` is unused). @default - protected */
  readonly protection?: Protection;
}

/**
 * Encrypted EFS with a mount target per private subnet. Tasks reach it by attaching the client
 * security group; the file system policy refuses connections without TLS.
 */
export class SharedFileSystem extends Construct {
  readonly fileSystem: EfsFileSystem;
  /** Attach to a task or instance to let it mount the file system. */
  readonly clientSecurityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: SharedFileSystemProps) {
    super(scope, id);
    const { names } = props;

    this.fileSystem = new EfsFileSystem(this, 'this', {
      creationToken: names.of('efs'),
      encrypted: true,
      performanceMode: 'generalPurpose',
      throughputMode: 'elastic',
      lifecyclePolicy: [{ transitionToIa: 'AFTER_30_DAYS' }],
      lifecycle: { preventDestroy: protectionOf(props.protection).preventDestroy },
      tags: { Name: names.of('efs') },
    });
    new EfsBackupPolicy(this, 'backup', { fileSystemId: this.fileSystem.id, backupPolicy: { status: 'ENABLED' } });
    new EfsFileSystemPolicy(this, 'policy', {
      fileSystemId: this.fileSystem.id,
      policy: policyDocument([
        {
          Sid: 'DenyUnencryptedTransport',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: '*',
          Resource: this.fileSystem.arn,
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]),
    });

    this.clientSecurityGroup = new SecurityGroup(this, 'client_security_group', {
      name: names.of('efs-client'),
      description: 'Attach to tasks that mount the shared EFS',
      vpcId: props.vpcId,
      egress: [{ description: 'NFS to the EFS mount targets', protocol: 'tcp', fromPort: 2049, toPort: 2049, cidrBlocks: [props.vpcCidr] }],
      tags: { Name: names.of('efs-client') },
    });
    const mountSecurityGroup = new SecurityGroup(this, 'security_group', {
      name: names.of('efs'),
      description: 'EFS mount targets: NFS from EFS clients only',
      vpcId: props.vpcId,
      ingress: [{ description: 'NFS from EFS clients', protocol: 'tcp', fromPort: 2049, toPort: 2049, securityGroups: [this.clientSecurityGroup.id] }],
      tags: { Name: names.of('efs') },
    });
    props.subnets.forEach((subnet) => {
      new EfsMountTarget(this, `mount_target_${subnet.zoneSuffix}`, {
        fileSystemId: this.fileSystem.id,
        subnetId: subnet.id,
        securityGroups: [mountSecurityGroup.id],
      });
    });
  }
}
