/**
 * An application repository's whole infrastructure (Layer 2a): one TenantService on the shared
 * platform. It needs nothing but the package's public entry point and the SSM parameters Layer 1
 * writes; this directory is a complete tenant project (package.json, cdktf.json, tsconfig.json)
 * to copy into an application repository.
 */
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { LISTENER_PRIORITIES, Names, PlatformParameters, PlatformStack, stateKey, TenantService, type ServiceCapacity, type StateBackendSettings } from '@atlas/platform-constructs';

export interface ApiTenantStackProps {
  readonly region: string;
  readonly accountId: string;
  /** Value of the Environment tag, e.g. `dev`. */
  readonly environment: string;
  /** Prefix of physical names, e.g. `poc-atlas-dev` (`poc-atlas-dev-api`). */
  readonly namePrefix: string;
  /** Where Layer 1 wrote its parameters, e.g. `/infra`. */
  readonly ssmPrefix: string;
  /** Public hostname, under the platform domain, e.g. `api.hari328.net`. */
  readonly hostname: string;
  readonly repository: string;
  /** The platform's state bucket and lock table; the key is `api/<environment>/terraform.tfstate`. */
  readonly state: StateBackendSettings;
  /**
   * Where the api runs: Fargate, or the platform's EC2 capacity with the platform's instance type
   * (SSM `<ssmPrefix>/ec2-instance-type`), which the task size is checked against at synth.
   */
  readonly capacity: ServiceCapacity;
}

export class ApiTenantStack extends PlatformStack {
  readonly api: TenantService;

  constructor(scope: Construct, id: string, props: ApiTenantStackProps) {
    super(scope, id, {
      region: props.region,
      accountId: props.accountId,
      tags: { environment: props.environment, layer: 'tenant', repository: props.repository },
      state: props.state,
      stateKey: stateKey('api', props.environment),
    });
    const platform = new PlatformParameters(this, 'platform', { prefix: props.ssmPrefix });

    this.api = new TenantService(this, 'api', {
      names: new Names(props.namePrefix),
      platform,
      serviceName: 'api',
      containerPort: 3000,
      cpu: 256,
      memory: 512,
      capacity: props.capacity,
      ecrRepository: true,
      route: { hostname: props.hostname, priority: LISTENER_PRIORITIES.api, healthCheckPath: '/health' },
      environment: { NODE_ENV: 'production', PORT: '3000' },
      // Prometheus scrapes http://<task>:9464/metrics; the environment's Prometheus finds the tasks
      // through Layer 1's Cloud Map namespace, with no change on the platform side.
      metrics: { port: 9464, path: '/metrics' },
      logRetentionInDays: 30,
    });

    new TerraformOutput(this, 'repository_url', { value: this.api.repository!.repository.repositoryUrl, description: 'Push the api image here' });
    new TerraformOutput(this, 'url', { value: `https://${props.hostname}`, description: 'Public URL of the api' });
  }
}
