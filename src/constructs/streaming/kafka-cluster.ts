import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';
import { MskClusterPolicy } from '@cdktf/provider-aws/lib/msk-cluster-policy';
import { MskConfiguration } from '@cdktf/provider-aws/lib/msk-configuration';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn, Lazy } from 'cdktf';
import { Construct } from 'constructs';
import type { Names } from '../../core/naming';
import { type Protection, protectionOf } from '../../core/protection';
import { PropsError } from '../../core/input-error';
import { awsPartition } from '../../core/partition';
import { policyDocument, type Statement } from '../iam/policies';

/** Broker ports of SASL/IAM over TLS: inside the VPC and through the public endpoints. */
export const MSK_IAM_PORT = 9098;
export const MSK_PUBLIC_IAM_PORT = 9198;

export interface KafkaClusterProps {
  readonly names: Names;
  readonly kafkaVersion: string;
  readonly brokerInstanceType: string;
  /** A multiple of the number of client subnets. */
  readonly brokers: number;
  readonly ebsVolumeSizeInGib: number;
  readonly vpcId: string;
  /** One subnet per AZ; public subnets when `publicAccess` is on (AWS requires it). */
  readonly subnetIds: string[];
  /** Public IAM+TLS endpoints, restricted to `publicAccessCidrs`. @default false */
  readonly publicAccess?: boolean;
  /** @default - none */
  readonly publicAccessCidrs?: readonly string[];
  /** Multi-VPC private connectivity (IAM) for these accounts, through a cluster policy. @default - off */
  readonly multiVpcClientAccountIds?: readonly string[];
  /**
   * AWS refuses public access and multi-VPC auth on cluster creation: `create` leaves both off,
   * `enable` sets them. @default 'enable'
   */
  readonly phase?: 'create' | 'enable';
  readonly logRetentionInDays: number;
  /** `preventDestroy` -> the cluster's `prevent_destroy` (MSK has no deletion protection; `deletionProtection` is unused). @default - protected */
  readonly protection?: Protection;
}

/** MSK cluster: SASL/IAM only, TLS in transit everywhere, encrypted at rest, broker logs in CloudWatch. */
export class KafkaCluster extends Construct {
  readonly cluster: MskCluster;
  readonly securityGroup: SecurityGroup;
  readonly clusterName: string;
  /** Whether the public endpoints are on in this synth (configured and phase `enable`). */
  readonly publicAccessEnabled: boolean;
  readonly multiVpcEnabled: boolean;

  constructor(scope: Construct, id: string, props: KafkaClusterProps) {
    super(scope, id);
    const accounts = props.multiVpcClientAccountIds ?? [];
    const cidrs = props.publicAccessCidrs ?? [];
    if ((props.publicAccess ?? false) && cidrs.length === 0) {
      throw new PropsError({ subject: 'KafkaCluster', field: 'publicAccess', value: true, problem: 'with no publicAccessCidrs', fix: 'list the ranges allowed to reach the public brokers' });
    }
    const enabling = (props.phase ?? 'enable') === 'enable';
    this.publicAccessEnabled = enabling && (props.publicAccess ?? false);
    this.multiVpcEnabled = enabling && accounts.length > 0;
    this.clusterName = props.names.of('kafka', 'mskCluster');

    this.securityGroup = new SecurityGroup(this, 'security_group', {
      name: this.clusterName,
      description: 'MSK brokers: SASL/IAM over TLS from allowed clients only',
      vpcId: props.vpcId,
      tags: { Name: this.clusterName },
    });
    cidrs.forEach((cidr, i) => {
      new VpcSecurityGroupIngressRule(this, `public_client_${i}`, {
        securityGroupId: this.securityGroup.id,
        description: `Public SASL/IAM clients from the allow list (${cidr})`,
        ipProtocol: 'tcp',
        fromPort: MSK_PUBLIC_IAM_PORT,
        toPort: MSK_PUBLIC_IAM_PORT,
        cidrIpv4: cidr,
      });
    });

    const logGroup = new CloudwatchLogGroup(this, 'broker_logs', { name: `/msk/${this.clusterName}`, retentionInDays: props.logRetentionInDays });
    // Public access needs ACL enforcement on; IAM access control ignores Kafka ACLs, so this is safe.
    // The version is in the name: a version change replaces the configuration, created before the old one goes.
    const configuration = new MskConfiguration(this, 'configuration', {
      name: `${this.clusterName}-${props.kafkaVersion.replace(/\./g, '-')}`,
      kafkaVersions: [props.kafkaVersion],
      serverProperties: ['allow.everyone.if.no.acl.found=false', 'auto.create.topics.enable=false', ''].join('\n'),
      lifecycle: { createBeforeDestroy: true },
    });

    // A key the platform owns: its policy and rotation are ours, and access to it shows in CloudTrail.
    const key = new KmsKey(this, 'key', {
      description: `Encrypts ${this.clusterName} broker storage at rest`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
    });
    this.cluster = new MskCluster(this, 'this', {
      clusterName: this.clusterName,
      kafkaVersion: props.kafkaVersion,
      numberOfBrokerNodes: props.brokers,
      brokerNodeGroupInfo: {
        instanceType: props.brokerInstanceType,
        clientSubnets: props.subnetIds,
        securityGroups: [this.securityGroup.id],
        storageInfo: { ebsStorageInfo: { volumeSize: props.ebsVolumeSizeInGib } },
        connectivityInfo: {
          publicAccess: { type: this.publicAccessEnabled ? 'SERVICE_PROVIDED_EIPS' : 'DISABLED' },
          ...(this.multiVpcEnabled ? { vpcConnectivity: { clientAuthentication: { sasl: { iam: true } } } } : {}),
        },
      },
      clientAuthentication: { sasl: { iam: true, scram: false }, unauthenticated: false },
      encryptionInfo: { encryptionAtRestKmsKeyArn: key.arn, encryptionInTransit: { clientBroker: 'TLS', inCluster: true } },
      configurationInfo: { arn: configuration.arn, revision: configuration.latestRevision },
      loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: logGroup.name } } },
      lifecycle: { preventDestroy: protectionOf(props.protection).preventDestroy },
    });

    this.clientAccountIds = accounts;
    if (accounts.length > 0) this.ensurePolicy();
  }

  private readonly clientAccountIds: readonly string[];
  private readonly vpcConnectionServices: string[] = [];
  private policy?: MskClusterPolicy;

  /**
   * Lets an AWS service (e.g. `firehose.amazonaws.com`) create managed VPC connections to the
   * cluster through multi-VPC private connectivity: a statement in the cluster policy, the only
   * one a cluster can have.
   */
  allowServiceVpcConnections(servicePrincipal: string): void {
    if (!this.vpcConnectionServices.includes(servicePrincipal)) this.vpcConnectionServices.push(servicePrincipal);
    this.ensurePolicy();
  }

  private ensurePolicy(): void {
    if (this.policy) return;
    this.policy = new MskClusterPolicy(this, 'policy', {
      clusterArn: this.cluster.arn,
      policy: Lazy.stringValue({ produce: () => policyDocument(this.policyStatements()) }),
    });
  }

  private policyStatements(): Statement[] {
    const accounts = this.clientAccountIds;
    return [
      ...(accounts.length > 0
        ? [
            {
              Sid: 'MultiVpcClients',
              Effect: 'Allow' as const,
              Principal: { AWS: accounts.map((account) => `arn:${awsPartition(this)}:iam::${account}:root`) },
              Action: ['kafka:CreateVpcConnection', 'kafka:GetBootstrapBrokers', 'kafka:DescribeCluster', 'kafka:DescribeClusterV2'],
              Resource: this.cluster.arn,
            },
          ]
        : []),
      ...(this.vpcConnectionServices.length > 0
        ? [
            {
              Sid: 'ServiceVpcConnections',
              Effect: 'Allow' as const,
              Principal: { Service: [...this.vpcConnectionServices] },
              Action: 'kafka:CreateVpcConnection',
              Resource: this.cluster.arn,
            },
          ]
        : []),
    ];
  }

  /** Lets a security group reach the brokers over SASL/IAM inside the VPC. */
  allowClientsFrom(id: string, securityGroupId: string, description: string): void {
    new VpcSecurityGroupIngressRule(this, `client_${id}`, {
      securityGroupId: this.securityGroup.id,
      description,
      ipProtocol: 'tcp',
      fromPort: MSK_IAM_PORT,
      toPort: MSK_IAM_PORT,
      referencedSecurityGroupId: securityGroupId,
    });
  }

  /** ARN pattern of this cluster's topics or groups (`arn:...:topic/<name>/<uuid>/<pattern>`). */
  resourceArn(kind: 'topic' | 'group' | 'transactional-id', pattern: string): string {
    return `${Fn.replace(this.cluster.arn, ':cluster/', `:${kind}/`)}/${pattern}`;
  }
}
