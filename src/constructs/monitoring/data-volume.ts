import { EfsAccessPoint } from '@cdktf/provider-aws/lib/efs-access-point';
import { Construct } from 'constructs';
import type { PosixIdentity } from './catalog';
import type { EfsMount } from '../service/tenant-service-props';
import { PropsError } from '../../core/input-error';

export interface DataVolumeProps {
  readonly fileSystemId: string;
  /** Volume name in the task definition. */
  readonly name: string;
  /** Directory on the file system, created on first mount, e.g. `/monitoring/loki`. */
  readonly rootPath: string;
  /** Identity every file operation through the access point uses (the image's user). */
  readonly posixUser: PosixIdentity;
  /** Mode of the root directory when EFS creates it. @default '0750' */
  readonly permissions?: string;
}

/**
 * One service's directory on the shared EFS: an access point that pins the root directory and
 * the POSIX user, so a task can neither escape its directory nor write as another user.
 */
export class DataVolume extends Construct {
  readonly accessPoint: EfsAccessPoint;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: DataVolumeProps,
  ) {
    super(scope, id);
    if (!/^(\/[a-z0-9._-]+)+$/.test(props.rootPath)) {
      throw new PropsError({ subject: `DataVolume ${props.name}`, field: 'rootPath', value: props.rootPath, problem: 'is not an absolute path', fix: `e.g. "/monitoring/${props.name}"` });
    }
    const permissions = props.permissions ?? '0750';
    const { uid, gid } = props.posixUser;
    this.accessPoint = new EfsAccessPoint(this, 'this', {
      fileSystemId: props.fileSystemId,
      posixUser: { uid, gid },
      rootDirectory: { path: props.rootPath, creationInfo: { ownerUid: uid, ownerGid: gid, permissions } },
      tags: { Name: props.name },
    });
  }

  /** The volume mounted at `containerPath` (TenantService adds TLS and IAM authorization). */
  mountAt(containerPath: string): EfsMount {
    return { name: this.props.name, accessPointId: this.accessPoint.id, accessPointArn: this.accessPoint.arn, containerPath };
  }
}
