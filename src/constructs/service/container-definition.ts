/** The container definition of a tenant service, as the Terraform expression ECS expects. */
import { Fn } from 'cdktf';
import type { EfsMount } from './tenant-service-props';

export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly containerPort: number;
  readonly extraPorts: readonly number[];
  readonly environment: Readonly<Record<string, string>>;
  /** Variable name -> Secrets Manager/SSM ARN. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly efsMounts: readonly EfsMount[];
  readonly command?: readonly string[];
  readonly entryPoint?: readonly string[];
  readonly readonlyRootFilesystem: boolean;
  readonly logGroupName: string;
  readonly region: string;
  /** Container hard limit and soft reservation in MiB (EC2 tasks; Fargate sizes the task). @default - none */
  readonly memory?: { readonly memory: number; readonly memoryReservation?: number };
}

/** One essential, unprivileged container with awslogs; variables and secrets sorted for stable plans. */
export function containerDefinitions(spec: ContainerSpec): string {
  const sorted = (record: Readonly<Record<string, string>>) => Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
  return Fn.jsonencode([
    {
      name: spec.name,
      image: spec.image,
      essential: true,
      ...(spec.memory ?? {}),
      privileged: false,
      readonlyRootFilesystem: spec.readonlyRootFilesystem,
      portMappings: [spec.containerPort, ...spec.extraPorts].map((port) => ({ containerPort: port, protocol: 'tcp' })),
      environment: sorted(spec.environment).map(([name, value]) => ({ name, value: expressionLiteral(value) })),
      secrets: sorted(spec.secrets).map(([name, valueFrom]) => ({ name, valueFrom })),
      mountPoints: spec.efsMounts.map((mount) => ({ sourceVolume: mount.name, containerPath: mount.containerPath, readOnly: false })),
      ...(spec.command ? { command: spec.command.map(expressionLiteral) } : {}),
      ...(spec.entryPoint ? { entryPoint: spec.entryPoint.map(expressionLiteral) } : {}),
      linuxParameters: { initProcessEnabled: true },
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': spec.logGroupName, 'awslogs-region': spec.region, 'awslogs-stream-prefix': spec.name },
      },
    },
  ]);
}

/**
 * cdktf 0.21 writes string literals inside `Fn.jsonencode` into an HCL expression escaping only
 * newlines and `${`: a `"`, `\` or `%{` in a value (a shell command, a YAML file) would break the
 * expression or start a template directive. Escape those three; cdktf adds the rest.
 */
export function expressionLiteral(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%\{/g, '%%{');
}
