import { DataAwsElbServiceAccount } from '@cdktf/provider-aws/lib/data-aws-elb-service-account';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { acknowledge } from '../../core/acknowledge';
import type { Names } from '../../core/naming';
import { type Protection, protectionOf } from '../../core/protection';
import { awsPartition } from '../../core/partition';
import { SecureBucket } from '../storage/secure-bucket';

/** TLS 1.3 with TLS 1.2 fallback: the policy AWS recommends for new HTTPS listeners. */
export const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

export interface LoadBalancerProps {
  readonly names: Names;
  readonly accountId: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly publicSubnetIds: string[];
  /** Validated certificate of the HTTPS listener. */
  readonly certificateArn: string;
  readonly accessLogRetentionInDays: number;
  /**
   * `deletionProtection` -> the ALB's `enable_deletion_protection` (its DNS name is what every
   * alias record points at); `preventDestroy` -> the access-log bucket's `prevent_destroy`.
   * @default - both on
   */
  readonly protection?: Protection;
}

/**
 * The one internet-facing ALB: :80 redirects to :443; :443 terminates TLS and answers 404 unless
 * a tenant's host-header rule matches. Access logs go to a dedicated bucket.
 */
export class LoadBalancer extends Construct {
  readonly alb: Lb;
  readonly httpsListener: LbListener;
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: LoadBalancerProps) {
    super(scope, id);
    const { names } = props;
    const protection = protectionOf(props.protection);

    this.securityGroup = new SecurityGroup(this, 'security_group', {
      name: names.of('alb'),
      description: 'Shared ALB: HTTP and HTTPS from the internet, to targets inside the VPC',
      vpcId: props.vpcId,
      ingress: [80, 443].map((port) => ({
        description: `${port === 80 ? 'HTTP (redirected to HTTPS)' : 'HTTPS'} from the internet`,
        protocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrBlocks: ['0.0.0.0/0'],
        ipv6CidrBlocks: ['::/0'],
      })),
      egress: [
        { description: 'Targets inside the VPC', protocol: 'tcp', fromPort: 0, toPort: 65535, cidrBlocks: [props.vpcCidr] },
        // Listener rules that authenticate call the Cognito token and user-info endpoints from the ALB itself.
        { description: 'HTTPS to the Cognito token and user-info endpoints', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] },
      ],
      tags: { Name: names.of('alb') },
    });

    acknowledge(this.securityGroup, {
      rule: 'sg-public-web-ingress',
      reason: 'The shared ALB is the public edge: 80 only redirects to HTTPS and 443 serves TLS 1.2+; any other public port on it is still a finding (sg-no-public-ingress).',
    });

    const elbAccount = new DataAwsElbServiceAccount(this, 'elb_account', {});
    const logBucketName = names.of(`alb-logs-${props.accountId}`, 's3Bucket');
    const logs = new SecureBucket(this, 'access_logs', {
      bucketName: logBucketName,
      expireAfterDays: props.accessLogRetentionInDays,
      noncurrentVersionExpiryInDays: 7,
      protection: { preventDestroy: protection.preventDestroy },
      policyStatements: [
        {
          Sid: 'AllowAlbLogDelivery',
          Effect: 'Allow',
          // Regions before August 2022 deliver as the regional ELB account, newer ones as the service.
          Principal: { AWS: elbAccount.arn, Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `arn:${awsPartition(this)}:s3:::${logBucketName}/alb/AWSLogs/${props.accountId}/*`,
        },
      ],
    });

    this.alb = new Lb(this, 'this', {
      name: names.of('alb', 'alb'),
      internal: false,
      loadBalancerType: 'application',
      securityGroups: [this.securityGroup.id],
      subnets: props.publicSubnetIds,
      dropInvalidHeaderFields: true,
      enableDeletionProtection: protection.deletionProtection,
      accessLogs: { bucket: logs.bucket.bucket, prefix: 'alb', enabled: true },
      dependsOn: [logs.policy],
    });
    acknowledge(this.alb, {
      rule: 'alb-internal',
      reason: 'The one internet-facing load balancer by design (docs/design.md): tenants reach users through its HTTPS listener; services behind it stay in private subnets.',
    });

    new LbListener(this, 'http', {
      loadBalancerArn: this.alb.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [{ type: 'redirect', redirect: { port: '443', protocol: 'HTTPS', statusCode: 'HTTP_301' } }],
    });
    this.httpsListener = new LbListener(this, 'https', {
      loadBalancerArn: this.alb.arn,
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: TLS_POLICY,
      certificateArn: props.certificateArn,
      defaultAction: [{ type: 'fixed-response', fixedResponse: { contentType: 'text/plain', messageBody: 'Not found', statusCode: '404' } }],
    });
  }
}
