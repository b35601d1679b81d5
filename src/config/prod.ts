import type { EnvironmentInput } from './schema';

/** Production: one NAT per AZ, deletion protection, prevent_destroy and longer retention. */
export const prod: EnvironmentInput = {
  environment: 'prod',
  namePrefix: 'atlas-prod',
  tier: 'production',
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
  ssmPrefix: '/atlas-prod/infra',
  network: {
    vpcCidr: '10.30.0.0/16',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    publicSubnetCidrs: ['10.30.0.0/24', '10.30.1.0/24'],
    privateSubnetCidrs: ['10.30.10.0/24', '10.30.11.0/24'],
    natGateways: 2,
    flowLogRetentionInDays: 90,
  },
  // A sub-zone of staging's hari328.net, in the same account: this stack writes its NS record there.
  dns: { domain: 'atlas.hari328.net', createHostedZone: true, delegation: 'parent-zone' },
  // One instance always: Kafka UI runs on it (atlas.services), so it is never idle, and a redeploy
  // of Kafka UI does not wait for an instance to boot. Managed scaling adds more up to maxSize.
  compute: { instanceType: 't3.medium', minSize: 1, maxSize: 4, rootVolumeSizeInGib: 30 },
  loadBalancer: { accessLogRetentionInDays: 90, elb5xxAlarmThreshold: 10 },
  identity: {
    cognitoDomainPrefix: 'atlas-prod-auth',
    googleClientId: 'atlas-prod-placeholder.apps.googleusercontent.com',
    callbackHostnames: ['grafana.atlas.hari328.net', 'prometheus.atlas.hari328.net', 'kafka-ui.atlas.hari328.net'],
    allowedEmails: ['ops@hari328.net'],
    allowedEmailDomains: ['hari328.net'],
  },
  alerting: { operatorEmail: 'ops@hari328.net', monthlyBudgetUsd: 600 },
  logs: { retentionInDays: 90 },
  protection: { deletionProtection: true, preventDestroy: true },
  atlas: {
    hostnames: {
      eventsIngestion: 'events.atlas.hari328.net',
      dashboardBackend: 'dashboard-api.atlas.hari328.net',
      kafkaUi: 'kafka-ui.atlas.hari328.net',
    },
    msk: {
      kafkaVersion: '3.6.0',
      brokerInstanceType: 'kafka.m5.large',
      brokers: 2,
      ebsVolumeSizeInGib: 500,
      publicAccess: false,
      publicAccessCidrs: [],
      multiVpcConnectivity: true,
      multiVpcClientAccountIds: ['111122223333'],
      // The cluster exists already; a fresh environment applies once with 'create' first (README).
      phase: 'enable',
      logRetentionInDays: 90,
    },
    rds: {
      instanceClass: 'db.m6g.large',
      allocatedStorageInGib: 100,
      maxAllocatedStorageInGib: 500,
      // Major only: a pinned minor would fight the automatic minor upgrades (a downgrade in every plan).
      engineVersion: '16',
      databaseName: 'dashboard',
      multiAz: true,
      publiclyAccessible: false,
      allowedCidrs: [],
      backupRetentionInDays: 30,
      performanceInsights: true,
      finalSnapshot: true,
      connectionsAlarmThreshold: 400,
    },
    // Released image tags in the ECR repositories (bump in a pull request; Atlantis plans the rollout).
    // Kafka UI, a single always-on operator tool, runs on the EC2 group (a t3.medium is cheaper
    // per vCPU than Fargate when kept busy); the public services stay on Fargate: their scale-out
    // must not wait for an instance to boot, and a t3.medium holds only two awsvpc tasks (ENIs).
    // Both Atlas services serve Prometheus metrics on 9464 (the OpenTelemetry Prometheus exporter's
    // port), so Prometheus scrapes them next to the OTLP they push.
    services: {
      eventsIngestion: { cpu: 512, memoryInMib: 1024, desiredCount: 2, imageTag: '1.4.1', capacity: 'fargate', metrics: { port: 9464, path: '/metrics' } },
      dashboardBackend: { cpu: 512, memoryInMib: 1024, desiredCount: 2, imageTag: '2.0.0', capacity: 'fargate', metrics: { port: 9464, path: '/metrics' } },
      kafkaUi: { cpu: 512, memoryInMib: 1024, desiredCount: 1, capacity: 'ec2' },
    },
    // A destroyed secret stays recoverable for the longest window AWS allows.
    secrets: { recoveryWindowInDays: 30 },
    // Firehose delivers each listed topic into the bucket (one stream per topic, README "Kafka exports").
    exportBucket: {
      enabled: true,
      expireAfterDays: 365,
      topics: ['events'],
      keyPrefix: 'kafka',
      timePartition: 'hour',
      buffering: { sizeInMib: 64, intervalInSeconds: 300 },
    },
  },
  monitoring: {
    hostnames: { grafana: 'grafana.atlas.hari328.net', prometheus: 'prometheus.atlas.hari328.net' },
    retention: { metricsInDays: 30, logsInDays: 30, tracesInDays: 14 },
    grafanaDefaultRole: 'Editor',
    sizes: {
      prometheus: { cpu: 1024, memory: 2048 },
      loki: { cpu: 512, memory: 1024 },
      tempo: { cpu: 512, memory: 1024 },
      grafana: { cpu: 256, memory: 512 },
      collector: { cpu: 256, memory: 512 },
    },
  },
};
