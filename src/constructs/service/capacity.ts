/**
 * Where a TenantService's tasks run: Fargate, or the shared cluster's EC2 capacity provider. What
 * each needs in the task definition and the service, and the checks for sizes AWS refuses or can
 * never place.
 */
import type { EcsServiceConfig } from '@cdktf/provider-aws/lib/ecs-service';
import type { EcsTaskDefinitionConfig } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { ec2SizeProblem, fargateSizeProblem } from '../../config/task-sizes';
import type { PlatformParameters } from '../platform/platform-parameters';
import type { TenantServiceProps } from './tenant-service-props';

/** Tasks on Fargate: AWS runs each one on its own micro VM, sized by one of Fargate's CPU/memory pairs. */
export type FargateServiceCapacity = {
  readonly kind: 'fargate';
};

/**
 * Tasks on the shared cluster's EC2 Auto Scaling group, through its capacity provider (SSM
 * `ec2-capacity-provider-name`); managed scaling starts instances for placed tasks and stops
 * idle ones. Still awsvpc: each task has its own network interface and security group.
 */
export type Ec2ServiceCapacity = {
  readonly kind: 'ec2';
  /**
   * Instance type of the group (SSM `ec2-instance-type`, the platform's compute.instanceType): a
   * task must fit on one instance.
   */
  readonly instanceType: string;
  /**
   * MiB the scheduler reserves on an instance (container soft limit); `memory` stays the hard
   * limit the container may burst to. @default - the whole `memory`
   */
  readonly memoryReservation?: number;
};

/** Where the tasks run. */
export type ServiceCapacity = FargateServiceCapacity | Ec2ServiceCapacity;

/** What the task definition, its container and the service get for one capacity. */
export type CapacityPlan = {
  readonly taskDefinition: Pick<EcsTaskDefinitionConfig, 'requiresCompatibilities' | 'cpu' | 'memory'>;
  /** Container-level memory (EC2 only: Fargate sizes the task). */
  readonly containerMemory?: { readonly memory: number; readonly memoryReservation?: number };
  readonly service: Pick<EcsServiceConfig, 'capacityProviderStrategy' | 'orderedPlacementStrategy'>;
};

/** The props that decide the capacity's settings. */
type Sized = Pick<TenantServiceProps, 'serviceName' | 'cpu' | 'memory' | 'capacity' | 'efsMounts'>;

/** Fails construction on a size or combination the chosen capacity refuses or can never place. */
export function validateCapacity(props: Sized): void {
  const capacity = props.capacity ?? { kind: 'fargate' };
  const cpu = props.cpu ?? 256;
  const memory = props.memory ?? 512;
  const fail = (key: string, value: unknown, message: string) => {
    throw new Error(`TenantService ${props.serviceName}: ${key} = ${JSON.stringify(value)} ${message}`);
  };
  if (capacity.kind === 'fargate') {
    const problem = fargateSizeProblem(cpu, memory, 'memory');
    if (problem) fail(problem.key, problem.key === 'cpu' ? cpu : memory, `${problem.message}, or run on EC2 (capacity.kind "ec2")`);
    return;
  }
  if (capacity.kind !== 'ec2') fail('capacity.kind', (capacity as { kind: unknown }).kind, 'is not a capacity. Fix: "fargate" or "ec2"');
  const problem = ec2SizeProblem({ cpu, memory, memoryReservation: capacity.memoryReservation }, capacity.instanceType, { memory: 'memory', memoryReservation: 'capacity.memoryReservation' });
  if (problem) {
    const values: Record<string, unknown> = { cpu, memory, instanceType: capacity.instanceType, 'capacity.memoryReservation': capacity.memoryReservation };
    fail(problem.key === 'instanceType' ? 'capacity.instanceType' : problem.key, values[problem.key], problem.message);
  }
  if ((props.efsMounts ?? []).length > 0) {
    fail(
      'capacity.kind',
      'ec2',
      'with efsMounts: on EC2 the container instance mounts the volume, and the platform\'s EFS mount targets accept NFS only from the EFS client group a task attaches. Fix: run the service on Fargate (capacity.kind "fargate")',
    );
  }
}

/** The capacity's task definition, container memory and service settings (props already validated). */
export function capacityPlan(props: Sized, platform: PlatformParameters): CapacityPlan {
  const capacity = props.capacity ?? { kind: 'fargate' };
  const cpu = String(props.cpu ?? 256);
  const memory = props.memory ?? 512;
  if (capacity.kind === 'fargate') {
    return {
      taskDefinition: { requiresCompatibilities: ['FARGATE'], cpu, memory: String(memory) },
      service: { capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 1 }] },
    };
  }
  return {
    // No task-level memory: the container's hard limit and reservation decide, so a reservation
    // below the limit packs more tasks on an instance. Task-level cpu is what the scheduler reserves.
    taskDefinition: {
      requiresCompatibilities: ['EC2'],
      cpu,
    },
    containerMemory: { memory, ...(capacity.memoryReservation !== undefined ? { memoryReservation: capacity.memoryReservation } : {}) },
    service: {
      capacityProviderStrategy: [{ capacityProvider: platform.get('ec2CapacityProviderName'), weight: 1, base: 0 }],
      // Across availability zones first (a zone outage keeps part of the service), then as few
      // instances as possible, so managed scaling can stop the ones left empty.
      orderedPlacementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
    },
  };
}
