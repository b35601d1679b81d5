/**
 * The SSM contract between layers: the parameters Layer 1 writes and Layer 2 (and tenants in other
 * repositories) read. Keys match the existing deployment (`/infra/vpc-id`, ...) under a
 * per-environment prefix.
 */

/** How one contract parameter is stored. */
export interface ParameterSpec {
  /** Last path segment, appended to the environment's prefix. */
  readonly key: string;
  /** SSM parameter type: `StringList` values are comma-separated lists. */
  readonly type: 'String' | 'StringList';
  /** What the value is, also the parameter's description in SSM. */
  readonly description: string;
}

/** The contract: every parameter Layer 1 writes under the environment's prefix, by the name code reads it with. */
export const PLATFORM_PARAMETERS = {
  vpcId: { key: 'vpc-id', type: 'String', description: 'ID of the shared VPC' },
  vpcCidr: { key: 'vpc-cidr', type: 'String', description: 'IPv4 range of the shared VPC' },
  publicSubnetIds: { key: 'public-subnet-ids', type: 'StringList', description: 'Public subnet IDs, one per AZ' },
  privateSubnetIds: { key: 'private-subnet-ids', type: 'StringList', description: 'Private subnet IDs, one per AZ' },
  hostedZoneId: { key: 'hosted-zone-id', type: 'String', description: 'Route53 hosted zone of the platform domain' },
  domainName: { key: 'domain-name', type: 'String', description: 'Apex domain of the platform' },
  acmCertArn: { key: 'acm-cert-arn', type: 'String', description: 'Validated wildcard ACM certificate' },
  albArn: { key: 'alb-arn', type: 'String', description: 'Shared internet-facing ALB' },
  albDnsName: { key: 'alb-dns-name', type: 'String', description: 'DNS name of the shared ALB' },
  albZoneId: { key: 'alb-zone-id', type: 'String', description: 'Canonical hosted zone of the ALB, for alias records' },
  albSecurityGroupId: { key: 'alb-security-group-id', type: 'String', description: 'Security group of the ALB; services allow ingress from it' },
  albListenerArn: { key: 'alb-listener-arn', type: 'String', description: 'HTTPS listener where tenants add host-header rules' },
  clusterArn: { key: 'cluster-arn', type: 'String', description: 'Shared ECS cluster ARN' },
  clusterName: { key: 'cluster-name', type: 'String', description: 'Shared ECS cluster name' },
  ec2CapacityProviderName: { key: 'ec2-capacity-provider-name', type: 'String', description: 'EC2 capacity provider of the cluster; a service on EC2 names it in its capacity provider strategy' },
  ec2InstanceType: { key: 'ec2-instance-type', type: 'String', description: 'Instance type of the EC2 capacity; a task on EC2 must fit on one instance' },
  efsId: { key: 'efs-id', type: 'String', description: 'Shared EFS file system' },
  efsClientSecurityGroupId: { key: 'efs-client-security-group-id', type: 'String', description: 'Security group a task attaches to reach EFS' },
  operatorTopicArn: { key: 'operator-topic-arn', type: 'String', description: 'SNS topic for operator alarms and budget alerts' },
  operatorTopicKmsKeyArn: { key: 'operator-topic-kms-key-arn', type: 'String', description: 'KMS key that encrypts the operator topic' },
  cognitoUserPoolArn: { key: 'cognito-user-pool-arn', type: 'String', description: 'Cognito user pool for ALB authentication' },
  cognitoUserPoolClientId: { key: 'cognito-user-pool-client-id', type: 'String', description: 'Cognito app client used by ALB rules' },
  cognitoUserPoolDomain: { key: 'cognito-user-pool-domain', type: 'String', description: 'Cognito hosted-UI domain prefix' },
  metricsRegistryArn: { key: 'metrics-registry-arn', type: 'String', description: 'Cloud Map service where tasks serving /metrics register for Prometheus' },
  actuatorPrometheusRegistryArn: { key: 'actuator-prometheus-registry-arn', type: 'String', description: 'Cloud Map service where tasks serving /actuator/prometheus register for Prometheus' },
  metricsScraperSecurityGroupId: { key: 'metrics-scraper-security-group-id', type: 'String', description: 'Security group of Prometheus; services allow their metrics port from it' },
} as const satisfies Record<string, ParameterSpec>;

/** The name of one contract parameter, e.g. `vpcId`. */
export type PlatformParameter = keyof typeof PLATFORM_PARAMETERS;

/** Full parameter name, e.g. `/infra/vpc-id`. */
export function parameterName(prefix: string, parameter: PlatformParameter): string {
  return `${prefix}/${PLATFORM_PARAMETERS[parameter].key}`;
}
