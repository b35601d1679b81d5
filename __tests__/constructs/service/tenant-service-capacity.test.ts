// TenantService capacity: Fargate (default) or the cluster's EC2 capacity provider.
import { Testing } from 'cdktf';
import { PlatformParameters } from '../../../src/constructs/platform/platform-parameters';
import { TenantService, type TenantServiceProps } from '../../../src/constructs/service/tenant-service';
import { Names } from '../../../src/core/naming';
import { decodeContainerDefinitions } from '../../helpers/container-definitions';

function synth(props: Partial<TenantServiceProps>) {
  return JSON.parse(
    Testing.synthScope((scope) => {
      const platform = new PlatformParameters(scope, 'platform', { prefix: '/infra' });
      new TenantService(scope, 'svc', { names: new Names('t'), platform, serviceName: 'svc', containerPort: 8080, image: 'x:1', logRetentionInDays: 7, ...props });
    }),
  );
}
const build = (props: Partial<TenantServiceProps>) => () => synth(props);
const only = (json: any, type: string) => {
  const blocks = Object.values<any>(json.resource[type]);
  expect(blocks).toHaveLength(1);
  return blocks[0];
};
/** The SSM data source of one contract key (synthScope suffixes data source names with a hash). */
const ssm = (json: any, key: string): [string, any] => {
  const found = Object.entries<any>(json.data?.aws_ssm_parameter ?? {}).filter(([name]) => name.startsWith(`platform_${key}`));
  expect(found).toHaveLength(1);
  return found[0];
};
const EC2 = { kind: 'ec2', instanceType: 't3.medium' } as const;

describe('TenantService on Fargate (the default)', () => {
  test('sizes the task and uses the FARGATE provider, with no placement strategy or container memory', () => {
    const json = synth({ cpu: 512, memory: 1024 });
    const task = only(json, 'aws_ecs_task_definition');
    expect(task).toMatchObject({ requires_compatibilities: ['FARGATE'], cpu: '512', memory: '1024', network_mode: 'awsvpc' });
    const [container] = decodeContainerDefinitions(task.container_definitions);
    expect(container.memory).toBeUndefined();
    const service = only(json, 'aws_ecs_service');
    expect(service.capacity_provider_strategy).toEqual([{ capacity_provider: 'FARGATE', weight: 1, base: 1 }]);
    expect(service.ordered_placement_strategy).toBeUndefined();
    expect(Object.keys(json.data.aws_ssm_parameter).filter((name) => name.startsWith('platform_ec2'))).toEqual([]);
  });

  test('an explicit fargate capacity synthesizes exactly the default', () => {
    expect(synth({ capacity: { kind: 'fargate' } })).toEqual(synth({}));
  });

  test('refuses a CPU/memory pair Fargate does not offer, naming the EC2 way out', () => {
    expect(build({ cpu: 256, memory: 4096 })).toThrow(
      'TenantService svc: memory = 4096 is not offered by Fargate with cpu 256. Fix: use 512-2048 MiB in steps Fargate allows (512, 1024, 2048), or run on EC2 (capacity.kind "ec2")',
    );
    expect(build({ cpu: 300 })).toThrow('TenantService svc: cpu = 300 is not a Fargate CPU size. Fix: use one of 256, 512, 1024, 2048, 4096');
  });
});

describe('TenantService on the EC2 capacity provider', () => {
  test('the task is EC2-compatible in awsvpc mode, reserves its CPU, and the container carries the memory limits', () => {
    // GIVEN a service on EC2 with a reservation below its hard limit
    const json = synth({ cpu: 768, memory: 1536, capacity: { ...EC2, memoryReservation: 1024 } });
    const task = only(json, 'aws_ecs_task_definition');
    // THEN the task definition is EC2 and awsvpc, without task-level memory
    expect(task).toMatchObject({ requires_compatibilities: ['EC2'], network_mode: 'awsvpc', cpu: '768' });
    expect(task.memory).toBeUndefined();
    const [container] = decodeContainerDefinitions(task.container_definitions);
    expect(container).toMatchObject({ memory: 1536, memoryReservation: 1024 });
  });

  test('without a reservation the container reserves its whole limit (ECS refuses reservation = limit)', () => {
    const [container] = decodeContainerDefinitions(only(synth({ memory: 1024, capacity: EC2 }), 'aws_ecs_task_definition').container_definitions);
    expect(container.memory).toBe(1024);
    expect('memoryReservation' in container).toBe(false);
  });

  test('the service names the EC2 capacity provider from SSM and spreads over zones before packing', () => {
    const json = synth({ capacity: EC2 });
    const service = only(json, 'aws_ecs_service');
    const [name, data] = ssm(json, 'ec2_capacity_provider_name');
    expect(data.name).toBe('/infra/ec2-capacity-provider-name');
    expect(service.capacity_provider_strategy).toEqual([{ capacity_provider: `\${data.aws_ssm_parameter.${name}.insecure_value}`, weight: 1, base: 0 }]);
    expect(service.ordered_placement_strategy).toEqual([
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
      { type: 'binpack', field: 'memory' },
    ]);
    expect(service.network_configuration).toMatchObject({ assign_public_ip: false });
    expect(service.launch_type).toBeUndefined();
  });

  test.each<[string, Partial<TenantServiceProps>, string]>([
    [
      'a reservation larger than one instance offers',
      { memory: 4096, capacity: EC2 },
      'TenantService svc: memory = 4096 reserves more than the ~3891 MiB one t3.medium offers tasks, so the task can never be placed. Fix: 3891 MiB or less',
    ],
    [
      'more CPU than one instance has',
      { cpu: 4096, memory: 1024, capacity: EC2 },
      'TenantService svc: cpu = 4096 is not between 128 and the 2048 CPU units of one t3.medium, so the task can never be placed. Fix: 128-2048',
    ],
    [
      'a reservation not below the hard limit',
      { memory: 1024, capacity: { ...EC2, memoryReservation: 1024 } },
      'TenantService svc: capacity.memoryReservation = 1024 is not between 6 and the hard limit 1024 MiB (ECS refuses a reservation that is not below the limit). Fix:',
    ],
    [
      'an instance type whose size is unknown',
      { capacity: { kind: 'ec2', instanceType: 'x2iedn.xlarge' } },
      'TenantService svc: capacity.instanceType = "x2iedn.xlarge" is not an instance type whose size the platform knows, so no task can be checked against it. Fix: a size of t3, t3a, m5',
    ],
    [
      'EFS mounts, which the container instance cannot mount',
      { capacity: EC2, efsMounts: [{ name: 'data', accessPointId: 'fsap-1', accessPointArn: 'arn:aws:elasticfilesystem:eu-west-1:111122223333:access-point/fsap-1', containerPath: '/data' }] },
      'TenantService svc: capacity.kind = "ec2" with efsMounts: on EC2 the container instance mounts the volume',
    ],
  ])('refuses %s', (_label, props, message) => {
    expect(build(props)).toThrow(message);
  });

  test('a reservation lets the hard limit exceed what one instance offers', () => {
    expect(build({ memory: 6144, capacity: { ...EC2, memoryReservation: 2048 } })).not.toThrow();
  });
});
