import { TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { parentDomain } from '../src/config/rules';
import type { DnsDelegation, EnvironmentConfig } from '../src/config/schema';
import { environmentStackProps } from '../src/config/stack-props';
import { loadBalancerAlarmSpecs } from '../src/constructs/alerting/load-balancer-alarm-specs';
import { OperatorAlerts } from '../src/constructs/alerting/operator-alerts';
import { EcsCluster } from '../src/constructs/compute/ecs-cluster';
import { DnsCertificate } from '../src/constructs/edge/dns-certificate';
import { LoadBalancer } from '../src/constructs/edge/load-balancer';
import { UserDirectory } from '../src/constructs/identity/user-directory';
import { ScrapeTargets } from '../src/constructs/monitoring/scrape-targets';
import { Network } from '../src/constructs/network/network';
import { PlatformParametersWriter } from '../src/constructs/platform/platform-parameters-writer';
import { AlarmSet, notifyTopic } from '../src/constructs/alerting/service-alarms';
import { SharedFileSystem } from '../src/constructs/storage/shared-file-system';
import { adoptExisting } from '../src/core/adopt';
import { Names } from '../src/core/naming';
import { addOutputs } from '../src/core/outputs';
import { PlatformStack } from '../src/core/platform-stack';

/** What the operator does with the created zone's name servers, per `dns.delegation`. */
const NAME_SERVERS_OUTPUT: Record<DnsDelegation, (domain: string, parent?: string) => string> = {
  registrar: (domain) => `Name servers of ${domain}: set them at the domain's registrar (README "First deploy"); ACM validation waits until then`,
  'parent-zone': (domain, parent) => `Name servers of ${domain}, delegated by this stack's NS record in ${parent}`,
  'parent-zone-manual': (domain, parent) => `Name servers of ${domain}: add them as the NS record ${domain} in the zone of ${parent} (README "First deploy"); ACM validation waits until then`,
};

export interface BaseInfraStackProps {
  readonly env: EnvironmentConfig;
}

/**
 * Layer 1: the shared platform every tenant runs on. Everything Layer 2 needs leaves this stack
 * through SSM parameters, never through cross-stack references.
 */
export class BaseInfraStack extends PlatformStack {
  constructor(scope: Construct, id: string, { env }: BaseInfraStackProps) {
    super(scope, id, environmentStackProps(env, 'base-infra'));
    const names = new Names(env.namePrefix);
    const { protection } = env;

    const googleClientSecret = new TerraformVariable(this, 'google_client_secret', {
      type: 'string',
      sensitive: true,
      nullable: false,
      description: 'Google OAuth client secret of the Cognito identity provider (set TF_VAR_google_client_secret)',
    });

    const network = new Network(this, 'network', {
      names,
      region: env.aws.region,
      cidr: env.network.vpcCidr,
      availabilityZones: env.network.availabilityZones,
      publicSubnetCidrs: env.network.publicSubnetCidrs,
      privateSubnetCidrs: env.network.privateSubnetCidrs,
      natGateways: env.network.natGateways,
      flowLogRetentionInDays: env.network.flowLogRetentionInDays,
    });
    const ecs = new EcsCluster(this, 'ecs', {
      names,
      vpcId: network.vpc.id,
      subnetIds: network.privateSubnetIds,
      ...env.compute,
    });
    const parent = parentDomain(env.dns.domain);
    const dns = new DnsCertificate(this, 'dns', {
      domain: env.dns.domain,
      createHostedZone: env.dns.createHostedZone,
      protection,
      delegation: env.dns.delegation === 'parent-zone' && parent ? { parentDomain: parent } : undefined,
    });
    const edge = new LoadBalancer(this, 'alb', {
      names,
      accountId: env.aws.accountId,
      vpcId: network.vpc.id,
      vpcCidr: env.network.vpcCidr,
      publicSubnetIds: network.publicSubnetIds,
      certificateArn: dns.certificateArn,
      accessLogRetentionInDays: env.loadBalancer.accessLogRetentionInDays,
      protection,
    });
    const efs = new SharedFileSystem(this, 'efs', {
      names,
      vpcId: network.vpc.id,
      vpcCidr: env.network.vpcCidr,
      subnets: network.privateZonalSubnets,
      protection,
    });
    // Where services with a metrics endpoint register, here so that tenants of any repository find it.
    const scrapeTargets = new ScrapeTargets(this, 'scrape_targets', { names, vpcId: network.vpc.id, vpcCidr: env.network.vpcCidr });
    const identity = new UserDirectory(this, 'cognito', {
      names,
      domainPrefix: env.identity.cognitoDomainPrefix,
      googleClientId: env.identity.googleClientId,
      googleClientSecret: googleClientSecret.stringValue,
      callbackHostnames: env.identity.callbackHostnames,
      allowedEmails: env.identity.allowedEmails,
      allowedEmailDomains: env.identity.allowedEmailDomains,
      logRetentionInDays: env.logs.retentionInDays,
      protection,
    });
    const alerts = new OperatorAlerts(this, 'alerts', {
      names,
      accountId: env.aws.accountId,
      operatorEmail: env.alerting.operatorEmail,
      monthlyBudgetUsd: env.alerting.monthlyBudgetUsd,
      environmentTag: env.environment,
    });
    new AlarmSet(this, 'alarms', {
      namePrefix: env.namePrefix,
      action: notifyTopic(alerts.topic.arn),
      alarms: loadBalancerAlarmSpecs({
        loadBalancer: edge.alb.arnSuffix,
        elb5xxPerPeriod: env.loadBalancer.elb5xxAlarmThreshold,
      }),
    });

    new PlatformParametersWriter(this, 'ssm', {
      prefix: env.ssmPrefix,
      values: {
        vpcId: network.vpc.id,
        vpcCidr: network.vpc.cidrBlock,
        publicSubnetIds: network.publicSubnetIds,
        privateSubnetIds: network.privateSubnetIds,
        hostedZoneId: dns.zoneId,
        domainName: env.dns.domain,
        acmCertArn: dns.certificateArn,
        albArn: edge.alb.arn,
        albDnsName: edge.alb.dnsName,
        albZoneId: edge.alb.zoneId,
        albSecurityGroupId: edge.securityGroup.id,
        albListenerArn: edge.httpsListener.arn,
        clusterArn: ecs.cluster.arn,
        clusterName: ecs.cluster.name,
        ec2CapacityProviderName: ecs.ec2.capacityProvider.name,
        ec2InstanceType: env.compute.instanceType,
        efsId: efs.fileSystem.id,
        efsClientSecurityGroupId: efs.clientSecurityGroup.id,
        operatorTopicArn: alerts.topic.arn,
        operatorTopicKmsKeyArn: alerts.key.arn,
        cognitoUserPoolArn: identity.userPool.arn,
        cognitoUserPoolClientId: identity.client.id,
        cognitoUserPoolDomain: identity.domain.domain,
        metricsRegistryArn: scrapeTargets.service('/metrics').arn,
        actuatorPrometheusRegistryArn: scrapeTargets.service('/actuator/prometheus').arn,
        metricsScraperSecurityGroupId: scrapeTargets.scraperSecurityGroup.id,
      },
    });

    addOutputs(this, {
      vpc_id: { value: network.vpc.id, description: 'ID of the shared VPC' },
      private_subnet_ids: { value: network.privateSubnetIds, description: 'Private subnets where services run' },
      public_subnet_ids: { value: network.publicSubnetIds, description: 'Public subnets of the ALB and NAT gateways' },
      cluster_name: { value: ecs.cluster.name, description: 'Shared ECS cluster' },
      alb_dns_name: { value: edge.alb.dnsName, description: 'DNS name of the shared ALB (alias records point here)' },
      https_listener_arn: { value: edge.httpsListener.arn, description: 'HTTPS listener where tenants add host-header rules' },
      hosted_zone_id: { value: dns.zoneId, description: 'Route53 zone of the platform domain' },
      certificate_arn: { value: dns.certificateArn, description: 'Validated wildcard certificate' },
      efs_id: { value: efs.fileSystem.id, description: 'Shared EFS file system' },
      cognito_hosted_ui: { value: `https://${identity.domain.domain}.auth.${env.aws.region}.amazoncognito.com`, description: 'Cognito hosted UI (Google login)' },
      operator_topic_arn: { value: alerts.topic.arn, description: 'SNS topic for alarms and budget alerts' },
      ssm_prefix: { value: env.ssmPrefix, description: 'Prefix of the SSM parameters Layer 2 reads' },
      hosted_zone_name_servers: dns.nameServers ? { value: dns.nameServers, description: NAME_SERVERS_OUTPUT[env.dns.delegation ?? 'registrar'](env.dns.domain, parent) } : undefined,
    });

    // The schema refuses adopt.hostedZoneId unless dns.createHostedZone is true, i.e. unless there is a zone.
    if (dns.zone) adoptExisting(dns.zone, env.adopt?.hostedZoneId);
    adoptExisting(dns.certificate, env.adopt?.certificateArn);
  }
}
