import { EcsCluster as EcsClusterResource } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { Construct } from 'constructs';
import type { Names } from '../../core/naming';
import { Ec2Capacity, type Ec2CapacityProps } from './ec2-capacity';

export interface EcsClusterProps extends Omit<Ec2CapacityProps, 'clusterName' | 'names'> {
  readonly names: Names;
}

/** Shared ECS cluster with Container Insights; Fargate by default, Fargate Spot and EC2 on request. */
export class EcsCluster extends Construct {
  readonly cluster: EcsClusterResource;
  /** The EC2 Auto Scaling capacity and its capacity provider. */
  readonly ec2: Ec2Capacity;

  constructor(scope: Construct, id: string, props: EcsClusterProps) {
    super(scope, id);
    const name = props.names.of('cluster', 'ecsCluster');
    const capacity = new Ec2Capacity(this, 'ec2', { ...props, clusterName: name });
    this.ec2 = capacity;

    this.cluster = new EcsClusterResource(this, 'this', {
      name,
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    });
    new EcsClusterCapacityProviders(this, 'capacity_providers', {
      clusterName: this.cluster.name,
      capacityProviders: ['FARGATE', 'FARGATE_SPOT', capacity.capacityProvider.name],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }],
    });
  }
}
