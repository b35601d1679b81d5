import type { EnvironmentInput } from './schema';

/**
 * Staging reproduces the existing deployment, which still carries its proof-of-concept naming:
 * environment `dev` and name prefix `poc-atlas-dev`. Renaming them would replace every resource,
 * so the names stay until a planned migration.
 */
export const staging: EnvironmentInput = {
  environment: 'dev',
  namePrefix: 'poc-atlas-dev',
  tier: 'non-production',
  repository: 'github.com/atlas/platform-infra',
  aws: { region: 'eu-west-1', accountId: '111122223333' },
  state: {
    bucket: 'atlas-terraform-state-111122223333',
    lockTable: 'atlas-terraform-locks',
    region: 'eu-west-1',
    useLockfile: false,
    // Switch to 's3' (here and in the other environment) when migrating the bootstrap's state.
    bootstrapBackend: 'local',
  },
  ssmPrefix: '/infra',
  network: {
    vpcCidr: '10.20.0.0/16',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    publicSubnetCidrs: ['10.20.0.0/24', '10.20.1.0/24'],
    privateSubnetCidrs: ['10.20.10.0/24', '10.20.11.0/24'],
    natGateways: 1,
    flowLogRetentionInDays: 14,
  },
  // The registered domain: its name servers go to the registrar by hand (README "First deploy").
  dns: { domain: 'hari328.net', createHostedZone: true, delegation: 'registrar' },
  // No minimum: managed scaling starts the instance Kafka UI needs and stops it when nothing runs
  // there, so a staging without EC2 tasks costs no instance.
  compute: { instanceType: 't3.medium', minSize: 0, maxSize: 2, rootVolumeSizeInGib: 30 },
  loadBalancer: { accessLogRetentionInDays: 30, elb5xxAlarmThreshold: 10 },
  identity: {
    cognitoDomainPrefix: 'poc-atlas-dev-auth',
    googleClientId: 'atlas-dev-placeholder.apps.googleusercontent.com',
    callbackHostnames: ['grafana.hari328.net', 'prometheus.hari328.net', 'kafka-ui.hari328.net'],
    allowedEmails: ['ops@hari328.net'],
    allowedEmailDomains: ['hari328.net'],
  },
  alerting: { operatorEmail: 'ops@hari328.net', monthlyBudgetUsd: 150 },
  logs: { retentionInDays: 14 },
  protection: { deletionProtection: false, preventDestroy: false },
  atlas: {
    hostnames: { eventsIngestion: 'events.hari328.net', dashboardBackend: 'dashboard-api.hari328.net', kafkaUi: 'kafka-ui.hari328.net' },
    msk: {
      kafkaVersion: '3.6.0',
      brokerInstanceType: 'kafka.t3.small',
      brokers: 2,
      ebsVolumeSizeInGib: 100,
      // Operators reach the brokers from their own ranges (documentation range as placeholder).
      publicAccess: true,
      publicAccessCidrs: ['203.0.113.0/24'],
      multiVpcConnectivity: false,
      multiVpcClientAccountIds: [],
      // The cluster exists already; a fresh environment applies once with 'create' first (README).
      phase: 'enable',
      logRetentionInDays: 14,
    },
    rds: {
      instanceClass: 'db.t4g.medium',
      allocatedStorageInGib: 20,
      maxAllocatedStorageInGib: 100,
      // Major only: a pinned minor would fight the automatic minor upgrades (a downgrade in every plan).
      engineVersion: '16',
      databaseName: 'dashboard',
      multiAz: false,
      // The existing deployment keeps its publicly reachable placement, limited to these ranges.
      publiclyAccessible: true,
      allowedCidrs: ['203.0.113.0/24'],
      backupRetentionInDays: 7,
      performanceInsights: true,
      finalSnapshot: false,
      connectionsAlarmThreshold: 80,
    },
    // Released image tags in the ECR repositories (bump in a pull request; Atlantis plans the rollout).
    // Capacity as in prod, so staging proves the EC2 path before prod uses it: Kafka UI (one
    // always-on operator tool, no EFS) on the EC2 group; the two public services on Fargate, which
    // scales them out without waiting for an instance to boot.
    // Both Atlas services serve Prometheus metrics on 9464 (the OpenTelemetry Prometheus exporter's
    // port), so Prometheus scrapes them next to the OTLP they push.
    services: {
      eventsIngestion: { cpu: 256, memoryInMib: 512, desiredCount: 1, imageTag: '1.4.2', capacity: 'fargate', metrics: { port: 9464, path: '/metrics' } },
      dashboardBackend: { cpu: 256, memoryInMib: 512, desiredCount: 1, imageTag: '2.0.1', capacity: 'fargate', metrics: { port: 9464, path: '/metrics' } },
      kafkaUi: { cpu: 512, memoryInMib: 1024, desiredCount: 1, capacity: 'ec2' },
    },
    // Staging is destroyed and applied again (the deploy tier does it on every CI run): secret names
    // must be free again at once, which a recovery window would block for its length.
    secrets: { recoveryWindowInDays: 0 },
    // Firehose delivers each listed topic into the bucket (one stream per topic, README "Kafka exports").
    exportBucket: {
      enabled: true,
      expireAfterDays: 30,
      topics: ['events'],
      keyPrefix: 'kafka',
      timePartition: 'hour',
      buffering: { sizeInMib: 64, intervalInSeconds: 300 },
    },
  },
  monitoring: {
    hostnames: { grafana: 'grafana.hari328.net', prometheus: 'prometheus.hari328.net' },
    retention: { metricsInDays: 15, logsInDays: 14, tracesInDays: 7 },
    grafanaDefaultRole: 'Editor',
    sizes: {
      prometheus: { cpu: 512, memory: 1024 },
      loki: { cpu: 512, memory: 1024 },
      tempo: { cpu: 512, memory: 1024 },
      grafana: { cpu: 256, memory: 512 },
      collector: { cpu: 256, memory: 512 },
    },
  },
};
