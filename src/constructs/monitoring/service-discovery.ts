import { ServiceDiscoveryPrivateDnsNamespace } from '@cdktf/provider-aws/lib/service-discovery-private-dns-namespace';
import { ServiceDiscoveryService } from '@cdktf/provider-aws/lib/service-discovery-service';
import { Construct } from 'constructs';
import { PropsError } from '../../core/input-error';

export interface ServiceDiscoveryProps {
  /** Private DNS namespace, e.g. `monitoring.poc-atlas-dev.internal`. */
  readonly namespaceName: string;
  readonly vpcId: string;
  /** One Cloud Map service per name (`<name>.<namespace>`), kebab-case. */
  readonly serviceNames: readonly string[];
  /** TTL of the A records in seconds; short, so a replaced task is found quickly. @default 10 */
  readonly ttlInSeconds?: number;
}

/** A Cloud Map private DNS namespace in the VPC with one A-record service per ECS service. */
export class ServiceDiscovery extends Construct {
  readonly namespace: ServiceDiscoveryPrivateDnsNamespace;
  private readonly services = new Map<string, ServiceDiscoveryService>();

  constructor(scope: Construct, id: string, props: ServiceDiscoveryProps) {
    super(scope, id);
    for (const name of props.serviceNames) {
      if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(name)) {
        throw new PropsError({
          subject: 'ServiceDiscovery',
          field: 'serviceNames',
          value: props.serviceNames,
          problem: `contains "${name}", which is not a DNS label`,
          fix: 'lowercase letters, digits and inner hyphens',
        });
      }
    }
    const ttl = props.ttlInSeconds ?? 10;

    this.namespace = new ServiceDiscoveryPrivateDnsNamespace(this, 'namespace', {
      name: props.namespaceName,
      vpc: props.vpcId,
      description: 'Service discovery of the monitoring services',
    });
    for (const name of props.serviceNames) {
      this.services.set(
        name,
        new ServiceDiscoveryService(this, name.replace(/-/g, '_'), {
          name,
          dnsConfig: { namespaceId: this.namespace.id, routingPolicy: 'MULTIVALUE', dnsRecords: [{ type: 'A', ttl }] },
          // ECS reports task health to Cloud Map; an unhealthy task leaves the answer. The provider
          // sends the block only with a threshold (deprecated, always 1 at AWS): an empty block
          // creates the service without the custom health check and replaces it on every plan.
          healthCheckCustomConfig: { failureThreshold: 1 },
        }),
      );
    }
  }

  /** ARN of a service's registry, for the ECS service's `service_registries`. */
  registryArn(name: string): string {
    const service = this.services.get(name);
    if (!service) throw new PropsError({ subject: 'ServiceDiscovery', field: 'name', value: name, problem: 'is not one of serviceNames', fix: 'add it to serviceNames' });
    return service.arn;
  }
}
