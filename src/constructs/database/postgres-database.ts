import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import type { Names } from '../../core/naming';
import { type Protection, protectionOf } from '../../core/protection';
import { PropsError } from '../../core/input-error';

export const POSTGRES_PORT = 5432;

export interface PostgresDatabaseProps {
  readonly names: Names;
  /** Suffix of the identifier: `<prefix>-<name>`. */
  readonly name: string;
  /** PostgreSQL major ("16") or `major.minor` ("16.4"); the parameter group family follows the major. */
  readonly engineVersion: string;
  readonly instanceClass: string;
  readonly allocatedStorageInGib: number;
  /** Storage autoscaling ceiling. @default - allocatedStorageInGib (no autoscaling) */
  readonly maxAllocatedStorageInGib?: number;
  readonly databaseName: string;
  readonly vpcId: string;
  /** Private subnets, or public ones for a publicly accessible instance. */
  readonly subnetIds: string[];
  /** @default false */
  readonly publiclyAccessible?: boolean;
  /** Ranges allowed to reach the database besides the security groups given to allowFrom(). @default - none */
  readonly allowedCidrs?: readonly string[];
  /** @default false */
  readonly multiAz?: boolean;
  /** @default 7 */
  readonly backupRetentionInDays?: number;
  /** @default true */
  readonly performanceInsights?: boolean;
  /** Take a snapshot when the instance is destroyed. @default true */
  readonly finalSnapshot?: boolean;
  /** `deletionProtection` -> the instance's `deletion_protection`; `preventDestroy` -> its `prevent_destroy`. @default - both on */
  readonly protection?: Protection;
  readonly logRetentionInDays: number;
}

/**
 * PostgreSQL on RDS: encrypted storage, TLS forced, IAM authentication, master password generated
 * and rotated by RDS in Secrets Manager (never in code or state), backups and exported logs.
 */
export class PostgresDatabase extends Construct {
  readonly instance: DbInstance;
  readonly securityGroup: SecurityGroup;
  readonly identifier: string;

  constructor(scope: Construct, id: string, props: PostgresDatabaseProps) {
    super(scope, id);
    const cidrs = props.allowedCidrs ?? [];
    const major = /^(\d+)(\.\d+)?$/.exec(props.engineVersion)?.[1];
    if (!major) {
      throw new PropsError({ subject: 'PostgresDatabase', field: 'engineVersion', value: props.engineVersion, problem: 'is not a PostgreSQL version', fix: 'e.g. "16" or "16.4"' });
    }
    if (props.publiclyAccessible && cidrs.length === 0) {
      throw new PropsError({ subject: 'PostgresDatabase', field: 'publiclyAccessible', value: true, problem: 'with no allowedCidrs', fix: 'list the ranges allowed to reach the database' });
    }
    this.identifier = props.names.of(props.name, 'rdsIdentifier');

    this.securityGroup = new SecurityGroup(this, 'security_group', {
      name: this.identifier,
      description: `PostgreSQL ${this.identifier}: allowed clients only`,
      vpcId: props.vpcId,
      tags: { Name: this.identifier },
    });
    cidrs.forEach((cidr, i) => {
      new VpcSecurityGroupIngressRule(this, `allowed_cidr_${i}`, {
        securityGroupId: this.securityGroup.id,
        description: `PostgreSQL from the allow list (${cidr})`,
        ipProtocol: 'tcp',
        fromPort: POSTGRES_PORT,
        toPort: POSTGRES_PORT,
        cidrIpv4: cidr,
      });
    });

    const subnetGroup = new DbSubnetGroup(this, 'subnet_group', {
      name: this.identifier,
      description: `Subnets of ${this.identifier}`,
      subnetIds: props.subnetIds,
    });
    const parameterGroup = new DbParameterGroup(this, 'parameter_group', {
      name: `${this.identifier}-pg${major}`,
      family: `postgres${major}`,
      description: `TLS-only PostgreSQL ${major} for ${this.identifier}`,
      parameter: [
        { name: 'rds.force_ssl', value: '1', applyMethod: 'immediate' },
        { name: 'log_connections', value: '1', applyMethod: 'immediate' },
      ],
      lifecycle: { createBeforeDestroy: true },
    });
    // Created here so the exported logs get a retention instead of RDS's never-expiring default.
    const logGroups = ['postgresql', 'upgrade'].map(
      (log) => new CloudwatchLogGroup(this, `${log}_logs`, { name: `/aws/rds/instance/${this.identifier}/${log}`, retentionInDays: props.logRetentionInDays }),
    );

    const finalSnapshot = props.finalSnapshot ?? true;
    const protection = protectionOf(props.protection);
    this.instance = new DbInstance(this, 'this', {
      identifier: this.identifier,
      engine: 'postgres',
      engineVersion: props.engineVersion,
      // Extended Support bills per vCPU-hour after end of standard support; upgrade instead.
      engineLifecycleSupport: 'open-source-rds-extended-support-disabled',
      instanceClass: props.instanceClass,
      allocatedStorage: props.allocatedStorageInGib,
      maxAllocatedStorage: props.maxAllocatedStorageInGib ?? props.allocatedStorageInGib,
      storageType: 'gp3',
      storageEncrypted: true,
      dbName: props.databaseName,
      username: 'atlas_admin',
      manageMasterUserPassword: true,
      iamDatabaseAuthenticationEnabled: true,
      dbSubnetGroupName: subnetGroup.name,
      parameterGroupName: parameterGroup.name,
      vpcSecurityGroupIds: [this.securityGroup.id],
      publiclyAccessible: props.publiclyAccessible ?? false,
      multiAz: props.multiAz ?? false,
      caCertIdentifier: 'rds-ca-rsa2048-g1',
      backupRetentionPeriod: props.backupRetentionInDays ?? 7,
      copyTagsToSnapshot: true,
      deleteAutomatedBackups: false,
      deletionProtection: protection.deletionProtection,
      skipFinalSnapshot: !finalSnapshot,
      ...(finalSnapshot ? { finalSnapshotIdentifier: `${this.identifier}-final` } : {}),
      autoMinorVersionUpgrade: true,
      performanceInsightsEnabled: props.performanceInsights ?? true,
      ...((props.performanceInsights ?? true) ? { performanceInsightsRetentionPeriod: 7 } : {}),
      enabledCloudwatchLogsExports: ['postgresql', 'upgrade'],
      dependsOn: logGroups,
      lifecycle: { preventDestroy: protection.preventDestroy },
    });
  }

  /** Lets a security group reach PostgreSQL. */
  allowFrom(id: string, securityGroupId: string, description: string): void {
    new VpcSecurityGroupIngressRule(this, `client_${id}`, {
      securityGroupId: this.securityGroup.id,
      description,
      ipProtocol: 'tcp',
      fromPort: POSTGRES_PORT,
      toPort: POSTGRES_PORT,
      referencedSecurityGroupId: securityGroupId,
    });
  }

  /** The master credentials secret RDS manages (for operators; services use IAM authentication). */
  get masterSecretArn(): string {
    return this.instance.masterUserSecret.get(0).secretArn;
  }
}
