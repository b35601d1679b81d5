/** The props of TenantService and their checks: what an application repository sets. */
import { imageTagProblem } from '../../config/image-tag';
import { isSecretLikeKey } from '../../config/secrets';
import type { Names } from '../../core/naming';
import { PropsError } from '../../core/input-error';
import type { Statement } from '../iam/policies';
import { type MetricsEndpoint, validateMetricsEndpoint } from './metrics-endpoint';
import type { PlatformParameters } from '../platform/platform-parameters';
import { type ServiceCapacity, validateCapacity } from './capacity';
import type { AlarmAction } from './service-alarms';

/** Public route of a service on the shared ALB. */
export interface ServiceRoute {
  /** Host header the rule matches, one label under the platform domain, e.g. `api.example.com`. */
  readonly hostname: string;
  /** Listener-rule priority from the registry `LISTENER_PRIORITIES` (tenants: 1000-39999); one number per rule on the shared listener. */
  readonly priority: number;
  /** Also take every request no other rule matches, at this lowest priority. @default - no catch-all */
  readonly catchAllPriority?: number;
  /** Path the target group checks; any 200-399 answer is healthy. @default '/health' */
  readonly healthCheckPath?: string;
  /** Require a Cognito (Google) login first. @default false */
  readonly authenticate?: boolean;
  /** Create the alias record `hostname` -> shared ALB in the platform zone. @default true */
  readonly createDnsRecord?: boolean;
}

/** An EFS access point mounted into the container, encrypted in transit and authorized by IAM. */
export interface EfsMount {
  /** Volume name in the task definition, e.g. `data`. */
  readonly name: string;
  /** ID of the EFS access point (`fsap-...`) on Layer 1's file system. */
  readonly accessPointId: string;
  /** ARN of the same access point: the task role may mount only through it. */
  readonly accessPointArn: string;
  /** Where the volume appears in the container, e.g. `/var/lib/app`. */
  readonly containerPath: string;
}

/** What an application repository sets to run one service on the platform. */
export interface TenantServiceProps {
  /** Physical names: every resource is called `<prefix>-<serviceName>`. */
  readonly names: Names;
  /** Layer 1 values, read from SSM. */
  readonly platform: PlatformParameters;
  /** Kebab-case service name, part of every physical name (`<prefix>-<serviceName>`). */
  readonly serviceName: string;
  /** TCP port the container listens on; the ALB and its health check use it. */
  readonly containerPort: number;
  /** Image reference, used as is. @default - a Terraform variable `<id>_image`, set with `-var` or TF_VAR_ */
  readonly image?: string;
  /**
   * Released tag in the service's own ECR repository (needs `ecrRepository`; not with `image`). The
   * `<id>_image` variable then defaults to `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>-<serviceName>:<tag>`,
   * with the account and region of the enclosing PlatformStack, so a plan needs no `-var`; a `-var`
   * or TF_VAR_ still overrides it for one run.
   * @default - the variable has no default: every plan must set it
   */
  readonly imageTag?: string;
  /** CPU units of the task (256 = 1/4 vCPU); on EC2, what the scheduler reserves on an instance. @default 256 */
  readonly cpu?: number;
  /** Memory in MiB: the task's on Fargate (only some values per `cpu`), the container's hard limit on EC2. @default 512 */
  readonly memory?: number;
  // ---- capacity (src/constructs/service/capacity.ts) ----
  /**
   * Where the tasks run: `{ kind: 'fargate' }`, or `{ kind: 'ec2', instanceType }` on the shared
   * cluster's EC2 capacity provider (no EFS mounts there). @default { kind: 'fargate' }
   */
  readonly capacity?: ServiceCapacity;
  // ---- end capacity ----
  /** Number of tasks running at once. @default 1 */
  readonly desiredCount?: number;
  /** Plain settings; a secret-looking name is refused (use `secrets`). @default - none */
  readonly environment?: Readonly<Record<string, string>>;
  /** Variable name -> Secrets Manager/SSM ARN, injected through `valueFrom`. @default - none */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Container command, replacing the image's CMD. @default - the image's CMD */
  readonly command?: string[];
  /** Container entry point, replacing the image's ENTRYPOINT. @default - the image's ENTRYPOINT */
  readonly entryPoint?: string[];
  /** Behind the shared ALB; omit for an internal service. @default - not routed */
  readonly route?: ServiceRoute;
  /** Days CloudWatch Logs keeps the service's log group (`/ecs/<prefix>-<serviceName>`), a value CloudWatch accepts (1, 3, 5, 7, 14, 30, ...). */
  readonly logRetentionInDays: number;
  /** Create an ECR repository for the image. @default false */
  readonly ecrRepository?: boolean;
  /** What the application may do (least privilege). @default - nothing */
  readonly taskStatements?: readonly Statement[];
  /** Security groups attached next to the service's own. @default - none */
  readonly securityGroupIds?: readonly string[];
  /** EFS access points to mount (the file system is Layer 1's). @default - none */
  readonly efsMounts?: readonly EfsMount[];
  /** Mount the container's root file system read-only; write to EFS mounts or tmp volumes instead. @default true */
  readonly readonlyRootFilesystem?: boolean;
  /** Other container ports (no ALB), e.g. OTLP 4317. @default - none */
  readonly extraPorts?: readonly number[];
  /** Cloud Map service to register tasks in (not with `metrics`). @default - none */
  readonly serviceRegistryArn?: string;
  /** Prometheus endpoint to scrape: the tasks register for the environment's Prometheus, which may reach the port. @default - not scraped */
  readonly metrics?: MetricsEndpoint;
  /** What the CPU, memory and target-health alarms do when they fire. @default - notify the operator topic from Layer 1 */
  readonly alarmAction?: AlarmAction;
  /**
   * Rolling-deployment bounds. A single-writer service (one task owning files on EFS) needs
   * `{ minimumHealthyPercent: 0, maximumPercent: 100 }` so the old task stops before the new starts.
   * @default { minimumHealthyPercent: 100, maximumPercent: 200 }
   */
  readonly deployment?: { readonly minimumHealthyPercent: number; readonly maximumPercent: number };
}

/** Fails construction on props that would synthesize a broken or unsafe service. */
export function validateTenantServiceProps(props: TenantServiceProps): void {
  if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(props.serviceName)) {
    throw new PropsError({ subject: 'TenantService', field: 'serviceName', value: props.serviceName, problem: 'is not kebab-case', fix: 'lowercase letters, digits and hyphens, e.g. "events-api"' });
  }
  for (const key of Object.keys(props.environment ?? {})) {
    if (isSecretLikeKey(key)) {
      throw new PropsError({
        subject: `TenantService ${props.serviceName}`,
        field: `environment.${key}`,
        problem: 'looks like a secret in a plain environment variable',
        fix: 'move it to secrets (a Secrets Manager ARN injected through valueFrom)',
      });
    }
  }
  if (props.imageTag !== undefined) {
    const problem = imageTagProblem(props.imageTag);
    const subject = `TenantService ${props.serviceName}`;
    if (problem) throw new PropsError({ subject, field: 'imageTag', value: props.imageTag, ...problem });
    if (props.image !== undefined) {
      throw new PropsError({
        subject,
        field: 'image',
        value: props.image,
        problem: 'is set together with imageTag; imageTag is only the default of the image variable, which image replaces',
        fix: 'pass one of them',
      });
    }
    if (!props.ecrRepository) {
      throw new PropsError({
        subject,
        field: 'imageTag',
        value: props.imageTag,
        problem: "names a tag in the service's own ECR repository, but ecrRepository is not set",
        fix: 'set ecrRepository: true, or pass the full reference as image',
      });
    }
  }
  if (!Number.isInteger(props.containerPort) || props.containerPort < 1 || props.containerPort > 65535) {
    throw new PropsError({ subject: `TenantService ${props.serviceName}`, field: 'containerPort', value: props.containerPort, problem: 'is not a TCP port', fix: '1-65535' });
  }
  validateCapacity(props);
  if (props.metrics) validateMetricsEndpoint(props.serviceName, props.metrics, props);
}
