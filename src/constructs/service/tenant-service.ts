import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { PropsError } from '../../core/input-error';
import { awsPartition } from '../../core/partition';
import { PlatformStack } from '../../core/platform-stack';
import type { Statement } from '../iam/policies';
import { AlbRoute } from './alb-route';
import { capacityPlan } from './capacity';
import { containerDefinitions } from './container-definition';
import { EcrRepository, ecrRepositoryUrl } from './ecr-repository';
import { MetricsRegistration } from './metrics-endpoint';
import { AlarmSet, notifyTopic } from '../alerting/service-alarms';
import { ServiceRoles } from './service-roles';
import { type TenantServiceProps, validateTenantServiceProps } from './tenant-service-props';

export type { EfsMount, ServiceRoute, TenantServiceProps } from './tenant-service-props';
export type { Ec2ServiceCapacity, FargateServiceCapacity, ServiceCapacity } from './capacity';
export type { MetricsEndpoint } from './metrics-endpoint';

/**
 * An ECS service on the shared platform, on Fargate or the cluster's EC2 capacity: task definition, service in private subnets
 * without public IPs, optional ALB route and ECR repository, least-privilege roles, log group
 * and CPU/memory (and target health) alarms. Every platform value comes from SSM.
 */
export class TenantService extends Construct {
  /** The ECS service (`aws_ecs_service.<id>_service`). */
  readonly service: EcsService;
  /** The tasks' own security group; other groups may allow ingress from it. */
  readonly securityGroup: SecurityGroup;
  /** The task definition: acknowledge a policy rule on it where its props make an exception (e.g. a writable root). */
  readonly taskDefinition: EcsTaskDefinition;
  /** Execution role (pulls the image, reads `secrets`) and task role (`taskStatements`). */
  readonly roles: ServiceRoles;
  /** Target group and listener rule, when `route` is set. */
  readonly route?: AlbRoute;
  /** The service's ECR repository, when `ecrRepository` is set. */
  readonly repository?: EcrRepository;

  constructor(scope: Construct, id: string, props: TenantServiceProps) {
    super(scope, id);
    validateTenantServiceProps(props);
    const { names, platform, serviceName } = props;
    const fullName = names.of(serviceName);
    const secrets = Object.entries(props.secrets ?? {}).sort(([a], [b]) => a.localeCompare(b));
    const efsMounts = props.efsMounts ?? [];

    if (props.ecrRepository) this.repository = new EcrRepository(this, 'repository', { repositoryName: fullName });
    const image = props.image ?? this.imageVariable(serviceName, fullName, props.imageTag).stringValue;

    const region = new DataAwsRegion(this, 'region', {});
    const account = new DataAwsCallerIdentity(this, 'account', {});
    const logGroup = new CloudwatchLogGroup(this, 'logs', { name: `/ecs/${fullName}`, retentionInDays: props.logRetentionInDays });
    const efsStatements: Statement[] = efsMounts.map((mount) => ({
      Effect: 'Allow',
      Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
      Resource: `arn:${awsPartition(this)}:elasticfilesystem:${region.name}:${account.accountId}:file-system/${platform.get('efsId')}`,
      Condition: { StringEquals: { 'elasticfilesystem:AccessPointArn': mount.accessPointArn } },
    }));
    this.roles = new ServiceRoles(this, 'roles', {
      names,
      serviceName,
      logGroupArn: logGroup.arn,
      secretArns: secrets.map(([, arn]) => arn),
      taskStatements: [...(props.taskStatements ?? []), ...efsStatements],
    });

    // Ingress as separate rule resources: an inline `ingress` list (even empty) would make Terraform
    // remove every rule other code adds to this group (e.g. the monitoring flows).
    this.securityGroup = new SecurityGroup(this, 'security_group', {
      name: fullName,
      description: `${serviceName} tasks`,
      vpcId: platform.get('vpcId'),
      egress: [{ description: 'AWS APIs, registries and platform services', protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
      tags: { Name: fullName },
    });
    if (props.route) {
      new VpcSecurityGroupIngressRule(this, 'ingress_from_alb', {
        securityGroupId: this.securityGroup.id,
        description: 'From the shared ALB',
        ipProtocol: 'tcp',
        fromPort: props.containerPort,
        toPort: props.containerPort,
        referencedSecurityGroupId: platform.get('albSecurityGroupId'),
      });
    }

    const metrics = props.metrics ? new MetricsRegistration(this, 'metrics', { platform, containerName: serviceName, securityGroupId: this.securityGroup.id, endpoint: props.metrics }) : undefined;
    const metricsPorts = props.metrics && ![props.containerPort, ...(props.extraPorts ?? [])].includes(props.metrics.port) ? [props.metrics.port] : [];

    const capacity = capacityPlan(props, platform);
    this.taskDefinition = new EcsTaskDefinition(this, 'task', {
      family: fullName,
      networkMode: 'awsvpc',
      ...capacity.taskDefinition,
      executionRoleArn: this.roles.executionRole.arn,
      taskRoleArn: this.roles.taskRole.arn,
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
      volume: efsMounts.map((mount) => ({
        name: mount.name,
        efsVolumeConfiguration: {
          fileSystemId: platform.get('efsId'),
          transitEncryption: 'ENABLED',
          authorizationConfig: { accessPointId: mount.accessPointId, iam: 'ENABLED' },
        },
      })),
      containerDefinitions: containerDefinitions({
        name: serviceName,
        image,
        containerPort: props.containerPort,
        extraPorts: [...(props.extraPorts ?? []), ...metricsPorts],
        environment: props.environment ?? {},
        secrets: Object.fromEntries(secrets),
        efsMounts,
        command: props.command,
        entryPoint: props.entryPoint,
        readonlyRootFilesystem: props.readonlyRootFilesystem ?? true,
        logGroupName: logGroup.name,
        region: region.name,
        memory: capacity.containerMemory,
      }),
    });

    if (props.route) {
      this.route = new AlbRoute(this, 'route', {
        names,
        serviceName,
        platform,
        hostname: props.route.hostname,
        containerPort: props.containerPort,
        healthCheckPath: props.route.healthCheckPath ?? '/health',
        priority: props.route.priority,
        catchAllPriority: props.route.catchAllPriority,
        authenticate: props.route.authenticate ?? false,
        createDnsRecord: props.route.createDnsRecord ?? true,
      });
    }

    this.service = new EcsService(this, 'service', {
      name: serviceName,
      cluster: platform.get('clusterArn'),
      taskDefinition: this.taskDefinition.arn,
      desiredCount: props.desiredCount ?? 1,
      ...capacity.service,
      networkConfiguration: {
        subnets: platform.list('privateSubnetIds'),
        securityGroups: [this.securityGroup.id, ...(props.securityGroupIds ?? [])],
        assignPublicIp: false,
      },
      deploymentCircuitBreaker: { enable: true, rollback: true },
      deploymentMinimumHealthyPercent: props.deployment?.minimumHealthyPercent ?? 100,
      deploymentMaximumPercent: props.deployment?.maximumPercent ?? 200,
      propagateTags: 'SERVICE',
      enableExecuteCommand: false,
      ...(this.route
        ? {
            loadBalancer: [{ targetGroupArn: this.route.targetGroup.arn, containerName: serviceName, containerPort: props.containerPort }],
            healthCheckGracePeriodSeconds: 60,
          }
        : {}),
      ...(props.serviceRegistryArn ? { serviceRegistries: { registryArn: props.serviceRegistryArn } } : {}),
      ...(metrics ? { serviceRegistries: metrics.serviceRegistries } : {}),
    });

    this.addAlarms(props, fullName);
  }

  /** The `<id>_image` variable; with a tag, its default is that tag in the service's repository. */
  private imageVariable(serviceName: string, repositoryName: string, tag: string | undefined): TerraformVariable {
    if (tag === undefined) {
      return new TerraformVariable(this, 'image', {
        type: 'string',
        description: `Image of ${serviceName}, e.g. <account>.dkr.ecr.<region>.amazonaws.com/${repositoryName}:<tag>`,
      });
    }
    const stack = TerraformStack.of(this);
    if (!(stack instanceof PlatformStack)) {
      throw new PropsError({
        subject: `TenantService ${serviceName}`,
        field: 'imageTag',
        value: tag,
        problem: `needs the account and region of a PlatformStack to build the repository URL, and stack ${stack.node.id} is not one`,
        fix: 'build the service in a PlatformStack, or pass the full reference as image',
      });
    }
    // A literal default (not the repository's repository_url attribute): Terraform requires it, and
    // plans show the exact image.
    return new TerraformVariable(this, 'image', {
      type: 'string',
      default: `${ecrRepositoryUrl(stack.accountId, stack.region, repositoryName)}:${tag}`,
      description: `Image of ${serviceName}; the default is the released tag in its own ECR repository`,
    });
  }

  private addAlarms(props: TenantServiceProps, fullName: string): void {
    const { platform } = props;
    const service = { ClusterName: platform.get('clusterName'), ServiceName: this.service.name };
    const targetHealth = this.route
      ? [
          {
            id: 'unhealthy_targets',
            description: `${props.serviceName}: at least one target failed its health check`,
            namespace: 'AWS/ApplicationELB',
            metricName: 'UnHealthyHostCount',
            dimensions: { TargetGroup: this.route.targetGroup.arnSuffix, LoadBalancer: Fn.element(Fn.split(':loadbalancer/', platform.get('albArn')), 1) as string },
            statistic: 'Maximum' as const,
            threshold: 0,
            comparison: 'GreaterThanThreshold' as const,
          },
        ]
      : [];
    new AlarmSet(this, 'alarms', {
      namePrefix: fullName,
      action: props.alarmAction ?? notifyTopic(platform.get('operatorTopicArn')),
      alarms: [
        {
          id: 'cpu_high',
          description: `${props.serviceName}: CPU above 80%`,
          namespace: 'AWS/ECS',
          metricName: 'CPUUtilization',
          dimensions: service,
          statistic: 'Average',
          threshold: 80,
          comparison: 'GreaterThanThreshold',
        },
        {
          id: 'memory_high',
          description: `${props.serviceName}: memory above 85%`,
          namespace: 'AWS/ECS',
          metricName: 'MemoryUtilization',
          dimensions: service,
          statistic: 'Average',
          threshold: 85,
          comparison: 'GreaterThanThreshold',
        },
        ...targetHealth,
      ],
    });
  }
}
