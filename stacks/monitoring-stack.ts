import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../src/config/schema';
import { environmentStackProps } from '../src/config/stack-props';
import { LISTENER_PRIORITIES } from '../src/contract/listener-priorities';
import { scrapeTargetsNamespace } from '../src/contract/scrape-targets';
import { DataVolume } from '../src/constructs/monitoring/data-volume';
import { NetworkFlows } from '../src/constructs/monitoring/network-flows';
import { ServiceDiscovery } from '../src/constructs/monitoring/service-discovery';
import { PlatformParameters } from '../src/constructs/platform/platform-parameters';
import { AlarmSet, notifyTopic } from '../src/constructs/alerting/service-alarms';
import { type ServiceRoute, TenantService } from '../src/constructs/service/tenant-service';
import { acknowledge } from '../src/core/acknowledge';
import { Names } from '../src/core/naming';
import { addOutputs } from '../src/core/outputs';
import { PlatformStack } from '../src/core/platform-stack';
import { MONITORING_SERVICE_KEYS, MONITORING_SERVICES, MonitoringEndpoints, type MonitoringServiceKey, monitoringNamespace, PORTS } from '../src/constructs/monitoring/catalog';
import { monitoringContainers } from '../src/constructs/monitoring/config/containers';
import { MONITORING_FLOWS } from '../src/constructs/monitoring/flows';

export interface MonitoringStackProps {
  readonly env: EnvironmentConfig;
}

/** A service that owns files on EFS runs one task; a deployment stops it before starting the next. */
const SINGLE_WRITER = { minimumHealthyPercent: 0, maximumPercent: 100 } as const;

/** Why the collector's OTLP ports may admit a CIDR (sg-no-public-ingress cannot see that the CIDR read from SSM is the VPC's). */
const PLATFORM_VPC_CIDR =
  "The collector admits OTLP from the platform VPC's own CIDR, which this Layer 2 stack can only read from the SSM contract parameter Layer 1 writes (the schema holds the VPC to /16-/28); no internet-wide range can reach it.";

/**
 * Layer 2b: Prometheus, Loki, Tempo, Grafana and the OpenTelemetry collector on the shared ECS
 * cluster, data on EFS access points, found through Cloud Map, Grafana and Prometheus on the
 * shared ALB behind the Cognito login. Layer 1 is read from SSM only.
 */
export class MonitoringStack extends PlatformStack {
  readonly services: Readonly<Record<MonitoringServiceKey, TenantService>>;

  constructor(scope: Construct, id: string, { env }: MonitoringStackProps) {
    super(scope, id, environmentStackProps(env, 'monitoring'));
    const { monitoring } = env;
    const names = new Names(env.namePrefix);
    const platform = new PlatformParameters(this, 'platform', { prefix: env.ssmPrefix });
    const endpoints = new MonitoringEndpoints(monitoringNamespace(env.namePrefix));
    const publicUrl = (host: string) => `https://${host}/`;

    const discovery = new ServiceDiscovery(this, 'discovery', {
      namespaceName: endpoints.namespace,
      vpcId: platform.get('vpcId'),
      serviceNames: MONITORING_SERVICE_KEYS.map((key) => MONITORING_SERVICES[key].name),
    });
    const launches = monitoringContainers({
      endpoints,
      environment: env.environment,
      scrapeTargetsNamespace: scrapeTargetsNamespace(env.namePrefix),
      retention: monitoring.retention,
      grafanaUrl: publicUrl(monitoring.hostnames.grafana),
      prometheusUrl: publicUrl(monitoring.hostnames.prometheus),
      grafanaDefaultRole: monitoring.grafanaDefaultRole,
    });
    const routes: Partial<Record<MonitoringServiceKey, ServiceRoute>> = {
      grafana: { hostname: monitoring.hostnames.grafana, priority: LISTENER_PRIORITIES.grafana, healthCheckPath: '/api/health', authenticate: true },
      prometheus: { hostname: monitoring.hostnames.prometheus, priority: LISTENER_PRIORITIES.prometheus, healthCheckPath: '/-/healthy', authenticate: true },
    };

    const services: Partial<Record<MonitoringServiceKey, TenantService>> = {};
    for (const key of MONITORING_SERVICE_KEYS) {
      const spec = MONITORING_SERVICES[key];
      const launch = launches[key];
      const volume =
        spec.dataPath && spec.posixUser
          ? new DataVolume(this, `${key}_data`, { fileSystemId: platform.get('efsId'), name: `${spec.name}-data`, rootPath: `/monitoring/${spec.name}`, posixUser: spec.posixUser })
          : undefined;
      services[key] = new TenantService(this, key, {
        names,
        platform,
        serviceName: spec.name,
        image: spec.image,
        containerPort: spec.port,
        extraPorts: spec.extraPorts,
        cpu: monitoring.sizes[key].cpu,
        memory: monitoring.sizes[key].memory,
        desiredCount: 1,
        environment: launch.environment,
        command: launch.command,
        entryPoint: launch.entryPoint,
        route: routes[key],
        logRetentionInDays: env.logs.retentionInDays,
        // EFS mount targets accept NFS only from Layer 1's client group; applications with a metrics
        // endpoint accept scrapes only from Layer 1's metrics-scraper group, which Prometheus wears.
        securityGroupIds: [...(volume ? [platform.get('efsClientSecurityGroupId')] : []), ...(key === 'prometheus' ? [platform.get('metricsScraperSecurityGroupId')] : [])],
        efsMounts: volume && spec.dataPath ? [volume.mountAt(spec.dataPath)] : [],
        // Grafana (and the SQLite it embeds) writes temporary files outside its data directory;
        // the other servers write only to their EFS mount.
        readonlyRootFilesystem: key !== 'grafana',
        serviceRegistryArn: discovery.registryArn(spec.name),
        deployment: volume ? SINGLE_WRITER : undefined,
        // Fargate in every environment: four of the five mount EFS (which the EC2 capacity cannot),
        // and the monitoring must keep running when the EC2 capacity is what fails.
        capacity: { kind: 'fargate' },
      });
      if (key === 'grafana') {
        acknowledge(services[key].taskDefinition, {
          rule: 'ecs-task-readonly-root',
          reason: 'Grafana and its SQLite write plugins, sessions and temporary files outside the EFS data directory; the container runs unprivileged as uid 472 behind the Cognito login.',
        });
      }
    }
    this.services = services as Record<MonitoringServiceKey, TenantService>;

    new NetworkFlows(this, 'flows', {
      flows: MONITORING_FLOWS.map((flow) => ({
        id: flow.id,
        description: flow.description,
        toSecurityGroupId: this.services[flow.to].securityGroup.id,
        port: flow.port,
        ...(flow.from === 'vpc'
          ? { fromCidr: platform.get('vpcCidr'), acknowledgements: [{ rule: 'sg-no-public-ingress', reason: PLATFORM_VPC_CIDR }] }
          : { fromSecurityGroupId: this.services[flow.from].securityGroup.id }),
      })),
    });

    // CPU/memory/target alarms come with each TenantService; a service with no running task is
    // the failure that matters most here (nobody sees missing metrics until they look).
    new AlarmSet(this, 'running_tasks', {
      namePrefix: names.of('monitoring'),
      action: notifyTopic(platform.get('operatorTopicArn')),
      alarms: MONITORING_SERVICE_KEYS.map((key) => ({
        id: `${key}_not_running`,
        description: `${MONITORING_SERVICES[key].name}: no running task`,
        namespace: 'ECS/ContainerInsights',
        metricName: 'RunningTaskCount',
        dimensions: { ClusterName: platform.get('clusterName'), ServiceName: this.services[key].service.name },
        statistic: 'Minimum',
        threshold: 1,
        comparison: 'LessThanThreshold',
        periodSeconds: 60,
        evaluationPeriods: 5,
      })),
    });

    addOutputs(this, {
      grafana_url: { value: publicUrl(monitoring.hostnames.grafana), description: 'Grafana (Cognito login)' },
      prometheus_url: { value: publicUrl(monitoring.hostnames.prometheus), description: 'Prometheus UI (Cognito login)' },
      otlp_grpc_endpoint: { value: endpoints.url('collector', PORTS.otlpGrpc), description: 'OTLP gRPC endpoint for applications in the VPC' },
      otlp_http_endpoint: { value: endpoints.url('collector', PORTS.otlpHttp), description: 'OTLP HTTP endpoint for applications in the VPC' },
      service_discovery_namespace: { value: endpoints.namespace, description: 'Cloud Map private DNS namespace of the monitoring services' },
    });
  }
}
