/**
 * Values that synthesize and pass `terraform validate` but that AWS refuses at apply, or that
 * deploy something silently wrong (a rule that never matches, a certificate that does not cover
 * a name). Each is refused when the config loads, with the field, the value and the fix, before
 * anything is written.
 */
import { ENVIRONMENTS, loadEnvironments } from '../../src/config/load';
import { type MutableConfig, stagingConfigError } from '../helpers/config-error';

type Config = MutableConfig;

/** The problems of the staging config with one change applied. */
const problemsWith = stagingConfigError;

describe('values AWS refuses at apply, refused at synth', () => {
  it('accepts the committed environments', () => {
    expect(loadEnvironments(['staging', 'prod']).map((env) => env.name)).toEqual(['staging', 'prod']);
  });

  it.each<[string, (c: Config) => void, string]>([
    // Fargate sizes
    [
      'an Atlas service CPU/memory pair Fargate does not offer',
      (c) => (c.atlas.services.eventsIngestion.memoryInMib = 4096),
      'atlas.services.eventsIngestion.memoryInMib = 4096 is not offered by Fargate with cpu 256. Fix: use 512-2048 MiB',
    ],
    [
      'an Atlas service CPU size Fargate does not offer',
      (c) => (c.atlas.services.dashboardBackend.cpu = 768),
      'atlas.services.dashboardBackend.cpu = 768 is not a Fargate CPU size. Fix: use one of 256, 512, 1024, 2048, 4096',
    ],
    // EC2 sizes: a task larger than one instance is registered, then never placed
    [
      'an EC2 service reserving more memory than one instance offers',
      (c) => (c.atlas.services.kafkaUi.memoryInMib = 4096),
      'atlas.services.kafkaUi.memoryInMib = 4096 reserves more than the ~3891 MiB one t3.medium offers tasks, so the task can never be placed. Fix:',
    ],
    [
      'an EC2 service needing more CPU than one instance has',
      (c) => (c.atlas.services.kafkaUi.cpu = 4096),
      'atlas.services.kafkaUi.cpu = 4096 is not between 128 and the 2048 CPU units of one t3.medium, so the task can never be placed. Fix: 128-2048',
    ],
    [
      'an instance type whose size the platform does not know',
      (c) => (c.compute.instanceType = 'x2iedn.xlarge'),
      'compute.instanceType = "x2iedn.xlarge" is not an instance type whose size the platform knows, so services on EC2 cannot be checked against it. Fix:',
    ],
    [
      'instances kept although no service runs on EC2',
      (c) => {
        c.atlas.services.kafkaUi.capacity = 'fargate';
        c.compute.minSize = 1;
      },
      'compute.minSize = 1 keeps instances running, but no atlas service runs a task on EC2, so nobody uses them. Fix: 0',
    ],
    ['a monitoring size Fargate does not offer', (c) => (c.monitoring.sizes.loki = { cpu: 1024, memory: 1024 }), 'monitoring.sizes.loki.memory = 1024 is not offered by Fargate with cpu 1024. Fix:'],
    // Engine versions and instance types the managed services do not offer
    ['a Kafka version MSK does not offer', (c) => (c.atlas.msk.kafkaVersion = '3.6.1'), 'atlas.msk.kafkaVersion = "3.6.1" is not a Kafka version MSK offers. Fix: one of'],
    [
      'an MSK broker type that does not exist',
      (c) => (c.atlas.msk.brokerInstanceType = 'kafka.t3.medium'),
      'atlas.msk.brokerInstanceType = "kafka.t3.medium" is not an MSK broker type with EBS storage. Fix:',
    ],
    ['a PostgreSQL minor RDS never offered', (c) => (c.atlas.rds.engineVersion = '16.0'), 'atlas.rds.engineVersion = "16.0" is not offered by RDS, whose PostgreSQL 16 starts at 16.1. Fix: "16"'],
    [
      'Performance Insights on a class RDS refuses it for',
      (c) => (c.atlas.rds.instanceClass = 'db.t4g.micro'),
      'atlas.rds.performanceInsights = true is true, but RDS refuses Performance Insights on db.t4g.micro. Fix:',
    ],
    ['a database name RDS reserves', (c) => (c.atlas.rds.databaseName = 'rdsadmin'), 'atlas.rds.databaseName = "rdsadmin" is reserved by RDS for PostgreSQL. Fix:'],
    ['storage autoscaling above the gp3 maximum', (c) => (c.atlas.rds.maxAllocatedStorageInGib = 70000), 'atlas.rds.maxAllocatedStorageInGib = 70000 is above 65536 GiB, the gp3 maximum. Fix:'],
    [
      'a Graviton instance type for the x86_64 ECS AMI',
      (c) => (c.compute.instanceType = 't4g.medium'),
      'compute.instanceType = "t4g.medium" is a Graviton (arm64) type, and the capacity provider boots the x86_64 ECS-optimized AMI. Fix:',
    ],
    // Hostnames that collide or that the certificate does not cover
    [
      'two services on one hostname (the second rule never matches)',
      (c) => (c.monitoring.hostnames.grafana = c.atlas.hostnames.kafkaUi),
      'monitoring.hostnames.grafana = "kafka-ui.hari328.net" is also atlas.hostnames.kafkaUi: two listener rules for one host, and only one of them ever matches. Fix:',
    ],
    [
      'two Atlas services on one hostname',
      (c) => (c.atlas.hostnames.dashboardBackend = c.atlas.hostnames.eventsIngestion),
      'atlas.hostnames.dashboardBackend = "events.hari328.net" is also atlas.hostnames.eventsIngestion',
    ],
    [
      'a hostname two labels below the domain (outside the wildcard certificate)',
      (c) => (c.atlas.hostnames.eventsIngestion = 'events.eu.hari328.net'),
      'atlas.hostnames.eventsIngestion = "events.eu.hari328.net" is 2 labels below hari328.net, and the certificate *.hari328.net covers one. Fix: use one label, e.g. "events-eu.hari328.net"',
    ],
    [
      'a monitoring hostname outside the wildcard certificate',
      (c) => {
        c.monitoring.hostnames.grafana = 'grafana.ops.hari328.net';
        c.identity.callbackHostnames.push('grafana.ops.hari328.net');
      },
      'monitoring.hostnames.grafana = "grafana.ops.hari328.net" is 2 labels below hari328.net',
    ],
    [
      'a Cognito callback hostname outside the wildcard certificate',
      (c) => c.identity.callbackHostnames.push('a.b.hari328.net'),
      'identity.callbackHostnames.3 = "a.b.hari328.net" is 2 labels below hari328.net',
    ],
    // Names AWS reserves
    ['an SSM prefix AWS reserves', (c) => (c.ssmPrefix = '/aws/infra'), 'ssmPrefix = "/aws/infra" starts with "aws" or "ssm", which SSM reserves for AWS. Fix:'],
    [
      'a Cognito domain prefix with a reserved word',
      (c) => (c.identity.cognitoDomainPrefix = 'atlas-cognito-login'),
      'identity.cognitoDomainPrefix = "atlas-cognito-login" contains "aws", "amazon" or "cognito", which Cognito refuses in a domain prefix. Fix:',
    ],
    // Networks and retention AWS does not accept
    [
      'four availability zones (MSK accepts two or three)',
      (c) => {
        c.network.availabilityZones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1d'];
        c.network.publicSubnetCidrs = ['10.20.0.0/24', '10.20.1.0/24', '10.20.2.0/24', '10.20.3.0/24'];
        c.network.privateSubnetCidrs = ['10.20.10.0/24', '10.20.11.0/24', '10.20.12.0/24', '10.20.13.0/24'];
        c.atlas.msk.brokers = 4;
      },
      'network.availabilityZones = ["eu-west-1a","eu-west-1b","eu-west-1c","eu-west-1d"] lists 4 availability zones; MSK accepts client subnets in 2 or 3. Fix:',
    ],
    [
      'a public subnet too small for the ALB',
      (c) => (c.network.publicSubnetCidrs[0] = '10.20.0.0/28'),
      'network.publicSubnetCidrs.0 = "10.20.0.0/28" is /28; the ALB in the public subnets needs at least a /27. Fix:',
    ],
    [
      'an MSK log retention CloudWatch Logs does not accept',
      (c) => (c.atlas.msk.logRetentionInDays = 10),
      'atlas.msk.logRetentionInDays = 10 is not a CloudWatch Logs retention period. Fix: use one of 1, 3, 5, 7, 14',
    ],
  ])('rejects %s', (_label, change, expected) => {
    // GIVEN staging with one value AWS would refuse WHEN it is loaded THEN the error names field, value and fix
    const message = problemsWith(change);
    expect(message).toContain(`staging: ${expected}`);
    expect(message).toContain('Invalid configuration (nothing was written)');
  });

  it('rejects one hostname routed by two environments (DNS can point it at one load balancer only)', () => {
    // GIVEN prod looking up staging's zone and routing a name staging already routes
    const prod = structuredClone(ENVIRONMENTS.prod) as Config;
    prod.dns = { domain: 'hari328.net', createHostedZone: false };
    prod.monitoring.hostnames = { grafana: 'grafana.hari328.net', prometheus: 'prometheus-prod.hari328.net' };
    prod.identity.callbackHostnames = ['grafana.hari328.net', 'prometheus-prod.hari328.net', 'kafka-ui-prod.hari328.net'];
    prod.atlas.hostnames = { eventsIngestion: 'events-prod.hari328.net', dashboardBackend: 'dashboard-api-prod.hari328.net', kafkaUi: 'kafka-ui-prod.hari328.net' };
    // WHEN both are loaded THEN the clash is named with both fields
    expect(() => loadEnvironments(['staging', 'prod'], { ...ENVIRONMENTS, prod })).toThrow(
      /prod: monitoring\.hostnames\.grafana = "grafana\.hari328\.net" is also staging's monitoring\.hostnames\.grafana; .*Fix:/,
    );
  });
});
