import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { EcsCapacityProvider } from '@cdktf/provider-aws/lib/ecs-capacity-provider';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { Names } from '../../core/naming';
import { managedPolicyArn } from '../../core/partition';
import { assumeRolePolicy } from '../iam/policies';

/** Public SSM parameter AWS keeps pointing at the current ECS-optimized Amazon Linux 2023 AMI. */
export const ECS_AL2023_AMI_PARAMETER = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';

export interface Ec2CapacityProps {
  readonly names: Names;
  /** Name of the cluster the instances join (a plain string, so the cluster can depend on this). */
  readonly clusterName: string;
  readonly vpcId: string;
  /** Private subnets the instances are placed in. */
  readonly subnetIds: string[];
  readonly instanceType: string;
  readonly minSize: number;
  readonly maxSize: number;
  readonly rootVolumeSizeInGib: number;
}

/** EC2 Auto Scaling capacity for ECS: hardened launch template, ASG, managed-scaling capacity provider. */
export class Ec2Capacity extends Construct {
  readonly capacityProvider: EcsCapacityProvider;
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: Ec2CapacityProps) {
    super(scope, id);
    const { names } = props;

    const role = new IamRole(this, 'instance_role', {
      name: names.of('ecs-instance', 'iamRole'),
      assumeRolePolicy: assumeRolePolicy('ec2.amazonaws.com'),
    });
    for (const [key, policy] of [
      ['ecs_agent', 'service-role/AmazonEC2ContainerServiceforEC2Role'],
      ['ssm_session', 'AmazonSSMManagedInstanceCore'],
    ]) {
      new IamRolePolicyAttachment(this, `instance_role_${key}`, {
        role: role.name,
        policyArn: managedPolicyArn(this, policy),
      });
    }
    const profile = new IamInstanceProfile(this, 'instance_profile', { name: names.of('ecs-instance'), role: role.name });

    this.securityGroup = new SecurityGroup(this, 'security_group', {
      name: names.of('ecs-instances'),
      description: 'ECS container instances: no inbound, outbound to AWS APIs and registries',
      vpcId: props.vpcId,
      egress: [{ description: 'ECS agent, image pulls and AWS APIs', protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
      tags: { Name: names.of('ecs-instances') },
    });

    const ami = new DataAwsSsmParameter(this, 'ami', { name: ECS_AL2023_AMI_PARAMETER });
    const template = new LaunchTemplate(this, 'launch_template', {
      name: names.of('ecs'),
      imageId: ami.insecureValue,
      instanceType: props.instanceType,
      iamInstanceProfile: { arn: profile.arn },
      updateDefaultVersion: true,
      // IMDSv2 only, one hop: containers cannot reach the instance role's credentials.
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 },
      monitoring: { enabled: true },
      networkInterfaces: [{ associatePublicIpAddress: 'false', securityGroups: [this.securityGroup.id] }],
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: { volumeSize: props.rootVolumeSizeInGib, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' },
        },
      ],
      userData: Fn.base64encode(`#!/bin/bash\necho ECS_CLUSTER=${props.clusterName} >> /etc/ecs/ecs.config\n`),
      tagSpecifications: [{ resourceType: 'instance', tags: { Name: names.of('ecs-instance') } }],
    });

    const group = new AutoscalingGroup(this, 'auto_scaling_group', {
      name: names.of('ecs'),
      vpcZoneIdentifier: props.subnetIds,
      minSize: props.minSize,
      maxSize: props.maxSize,
      launchTemplate: { id: template.id, version: '$Latest' },
      // Required by managed termination protection: ECS decides which instance may go.
      protectFromScaleIn: true,
      tag: [
        { key: 'AmazonECSManaged', value: 'true', propagateAtLaunch: true },
        { key: 'Name', value: names.of('ecs-instance'), propagateAtLaunch: true },
      ],
      // ECS managed scaling owns the desired capacity; Terraform must not reset it on every apply.
      lifecycle: { ignoreChanges: ['desired_capacity'] },
    });

    this.capacityProvider = new EcsCapacityProvider(this, 'capacity_provider', {
      name: names.of('ec2'),
      autoScalingGroupProvider: {
        autoScalingGroupArn: group.arn,
        managedTerminationProtection: 'ENABLED',
        managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 2 },
      },
    });
  }
}
