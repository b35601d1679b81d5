import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { ServiceDiscoveryPrivateDnsNamespace } from '@cdktf/provider-aws/lib/service-discovery-private-dns-namespace';
import { ServiceDiscoveryService } from '@cdktf/provider-aws/lib/service-discovery-service';
import { Construct } from 'constructs';
import type { Names } from '../../core/naming';
import { METRICS_PATHS, type MetricsPath, scrapeTargetsNamespace } from '../../contract/scrape-targets';

export interface ScrapeTargetsProps {
  readonly names: Names;
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** TTL of the SRV records in seconds; short, so a replaced task is scraped soon. @default 10 */
  readonly ttlInSeconds?: number;
}

/**
 * Layer 1's half of application scraping: the namespace where every service with a metrics
 * endpoint registers its tasks (one SRV service per path of `METRICS_PATHS`, shared by all ECS
 * services that serve that path), and the "metrics scrapers" security group that services admit
 * on their metrics port. Prometheus attaches the group; it may open TCP connections into the VPC.
 */
export class ScrapeTargets extends Construct {
  readonly namespace: ServiceDiscoveryPrivateDnsNamespace;
  readonly scraperSecurityGroup: SecurityGroup;
  private readonly services = new Map<MetricsPath, ServiceDiscoveryService>();

  constructor(scope: Construct, id: string, props: ScrapeTargetsProps) {
    super(scope, id);
    const ttl = props.ttlInSeconds ?? 10;
    this.namespace = new ServiceDiscoveryPrivateDnsNamespace(this, 'namespace', {
      name: scrapeTargetsNamespace(props.names.prefix),
      vpc: props.vpcId,
      description: 'Tasks that serve Prometheus metrics, one SRV service per metrics path',
    });
    for (const [path, { name }] of Object.entries(METRICS_PATHS) as [MetricsPath, { name: string }][]) {
      this.services.set(
        path,
        new ServiceDiscoveryService(this, name.replace(/-/g, '_'), {
          name,
          description: `Tasks serving metrics on ${path}`,
          // SRV: each record carries the task's own metrics port; MULTIVALUE answers with up to eight.
          dnsConfig: { namespaceId: this.namespace.id, routingPolicy: 'MULTIVALUE', dnsRecords: [{ type: 'SRV', ttl }] },
          // ECS reports task health to Cloud Map; an unhealthy task leaves the answer. The provider
          // sends the block only with a threshold (deprecated, always 1 at AWS): an empty block
          // creates the service without the custom health check and replaces it on every plan.
          healthCheckCustomConfig: { failureThreshold: 1 },
        }),
      );
    }
    this.scraperSecurityGroup = new SecurityGroup(this, 'scraper_security_group', {
      name: props.names.of('metrics-scraper'),
      description: 'Attach to Prometheus; services admit it on their metrics port',
      vpcId: props.vpcId,
      egress: [{ description: 'Scrapes metrics endpoints in the VPC', protocol: 'tcp', fromPort: 0, toPort: 65535, cidrBlocks: [props.vpcCidr] }],
      tags: { Name: props.names.of('metrics-scraper') },
    });
  }

  /** The Cloud Map service of one metrics path. */
  service(path: MetricsPath): ServiceDiscoveryService {
    return this.services.get(path)!;
  }
}
