/**
 * Task sizes AWS accepts, on Fargate and on the cluster's EC2 instances, checked without the
 * config schema's zod: TenantService (in the published package) runs these checks too, and the
 * package ships no runtime dependency besides its peers.
 */

/** CPU units Fargate accepts, with the memory sizes (MiB) each one allows. */
export const FARGATE_MEMORY: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: [1024, 2048, 3072, 4096],
  1024: [2048, 3072, 4096, 5120, 6144, 7168, 8192],
  2048: Array.from({ length: 13 }, (_, i) => 4096 + i * 1024),
  4096: Array.from({ length: 23 }, (_, i) => 8192 + i * 1024),
};

/** Why Fargate refuses this CPU/memory pair (and at which key), or undefined when it offers it. */
export function fargateSizeProblem(cpu: number, memory: number, memoryKey: string): { key: string; message: string } | undefined {
  const memories = FARGATE_MEMORY[cpu];
  if (!memories) return { key: 'cpu', message: `is not a Fargate CPU size. Fix: use one of ${Object.keys(FARGATE_MEMORY).join(', ')}` };
  if (memories.includes(memory)) return undefined;
  return {
    key: memoryKey,
    message: `is not offered by Fargate with cpu ${cpu}. Fix: use ${memories[0]}-${memories[memories.length - 1]} MiB in steps Fargate allows (${memories.join(', ')})`,
  };
}

/** vCPUs and installed memory (GiB) of one x86_64 instance type. */
export interface InstanceSize {
  readonly vcpus: number;
  readonly memoryInGib: number;
}

const T3_SIZES: Readonly<Record<string, InstanceSize>> = {
  nano: { vcpus: 2, memoryInGib: 0.5 },
  micro: { vcpus: 2, memoryInGib: 1 },
  small: { vcpus: 2, memoryInGib: 2 },
  medium: { vcpus: 2, memoryInGib: 4 },
  large: { vcpus: 2, memoryInGib: 8 },
  xlarge: { vcpus: 4, memoryInGib: 16 },
  '2xlarge': { vcpus: 8, memoryInGib: 32 },
};
/** GiB per vCPU of the general purpose (m), compute (c) and memory (r) families. */
const GIB_PER_VCPU: Readonly<Record<string, number>> = { m: 4, c: 2, r: 8 };
const SIZED_FAMILIES = ['m5', 'm5a', 'm6i', 'm6a', 'm7i', 'm7a', 'c5', 'c5a', 'c6i', 'c6a', 'c7i', 'c7a', 'r5', 'r5a', 'r6i', 'r6a', 'r7i', 'r7a'];
const LADDER: Readonly<Record<string, number>> = { large: 2, xlarge: 4, '2xlarge': 8, '4xlarge': 16, '8xlarge': 32, '12xlarge': 48, '16xlarge': 64 };

/** The x86_64 instance types whose size the platform knows: t3, t3a and the m/c/r families listed above. */
export const KNOWN_INSTANCE_FAMILIES = ['t3', 't3a', ...SIZED_FAMILIES] as const;

/** vCPUs and memory of an instance type, or undefined when the platform does not know it. */
export function instanceSize(instanceType: string): InstanceSize | undefined {
  const [family, size] = instanceType.split('.');
  if (family === 't3' || family === 't3a') return T3_SIZES[size];
  if (!SIZED_FAMILIES.includes(family) || !(size in LADDER)) return undefined;
  const vcpus = LADDER[size];
  return { vcpus, memoryInGib: vcpus * GIB_PER_VCPU[family[0]] };
}

/**
 * Memory (MiB) tasks can reserve on one instance: the ECS agent registers what the operating
 * system reports (the kernel keeps some: 7985 of 8192 MiB on an m4.large, AWS "Container instance
 * memory management"); 5% below the installed size leaves room for that and the agent.
 */
export function placeableMemoryInMib(size: InstanceSize): number {
  return Math.floor(size.memoryInGib * 1024 * 0.95);
}

/** Smallest memory (MiB) Docker gives a container. */
export const MIN_CONTAINER_MEMORY = 6;

export interface Ec2TaskSize {
  readonly cpu: number;
  /** Hard limit of the container. */
  readonly memory: number;
  /** Soft limit the scheduler reserves; undefined reserves `memory`. */
  readonly memoryReservation?: number;
}

/**
 * Why a task of this size can never be placed on one instance of `instanceType` (and at which
 * key), or undefined when it fits.
 */
export function ec2SizeProblem(task: Ec2TaskSize, instanceType: string, keys: { memory: string; memoryReservation: string }): { key: string; message: string } | undefined {
  const size = instanceSize(instanceType);
  if (!size) {
    return {
      key: 'instanceType',
      message: `is not an instance type whose size the platform knows, so no task can be checked against it. Fix: a size of ${KNOWN_INSTANCE_FAMILIES.join(', ')}, e.g. "t3.medium"`,
    };
  }
  const maxCpu = size.vcpus * 1024;
  if (!Number.isInteger(task.cpu) || task.cpu < 128 || task.cpu > maxCpu) {
    return { key: 'cpu', message: `is not between 128 and the ${maxCpu} CPU units of one ${instanceType}, so the task can never be placed. Fix: 128-${maxCpu}, e.g. 256` };
  }
  if (!Number.isInteger(task.memory) || task.memory < MIN_CONTAINER_MEMORY) {
    return { key: keys.memory, message: `is below the ${MIN_CONTAINER_MEMORY} MiB Docker gives a container at least. Fix: e.g. 512` };
  }
  const placeable = placeableMemoryInMib(size);
  if (task.memoryReservation !== undefined) {
    if (!Number.isInteger(task.memoryReservation) || task.memoryReservation < MIN_CONTAINER_MEMORY || task.memoryReservation >= task.memory) {
      return {
        key: keys.memoryReservation,
        message: `is not between ${MIN_CONTAINER_MEMORY} and the hard limit ${task.memory} MiB (ECS refuses a reservation that is not below the limit). Fix: a smaller reservation, or leave it out to reserve the whole limit`,
      };
    }
  }
  const reserved = task.memoryReservation ?? task.memory;
  if (reserved > placeable) {
    return {
      key: task.memoryReservation === undefined ? keys.memory : keys.memoryReservation,
      message: `reserves more than the ~${placeable} MiB one ${instanceType} offers tasks, so the task can never be placed. Fix: ${placeable} MiB or less (a memoryReservation lets it burst above), or a larger instance type`,
    };
  }
  return undefined;
}
