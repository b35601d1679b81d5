/**
 * The `atlas` section of an environment: the Layer 2 workloads (MSK, RDS, the three services,
 * the export bucket). Staging/prod differences (public vs private placement, Multi-AZ, sizes) are
 * values here; the stack never asks which environment it is building.
 */
import { z } from 'zod';
import { parseCidr } from './cidr';
import { METRICS_PATHS, type MetricsPath } from '../contract/scrape-targets';
import { dnsName, fargateSizeProblem, hostnameUnderDomainProblem, imageTag, retentionInDays } from './rules';
import { ec2SizeProblem } from './task-sizes';

/**
 * Widest range an allow list may name. Allow lists name the operators' own networks (an office
 * /24, a VPN address /32); a wider range, or several that add up to the internet (0.0.0.0/1 plus
 * 128.0.0.0/1), is not an allow list.
 */
export const WIDEST_ALLOW_LIST_PREFIX = 16;

/** CIDRs allowed to reach a publicly placed resource; the whole internet is refused. */
const allowListCidr = z.string().superRefine((value, ctx) => {
  const block = parseCidr(value);
  if (value === '::/0' || block?.prefixLength === 0) {
    ctx.addIssue({ code: 'custom', message: 'opens the resource to the whole internet. Fix: list the operators\' own ranges, e.g. "203.0.113.0/24"' });
  } else if (!block) {
    ctx.addIssue({ code: 'custom', message: 'is not a network-aligned IPv4 CIDR. Fix: write it as a.b.c.d/n with the host bits zero, e.g. 203.0.113.0/24' });
  } else if (block.prefixLength < WIDEST_ALLOW_LIST_PREFIX) {
    ctx.addIssue({
      code: 'custom',
      message: `is a /${block.prefixLength}, wider than /${WIDEST_ALLOW_LIST_PREFIX}: an allow list names the operators' own networks. Fix: list those ranges (an office /24, a VPN address /32)`,
    });
  }
});

const serviceFields = {
  /** Task CPU units (256 = 0.25 vCPU). */
  cpu: z.number().int(),
  /** Memory in MiB; Fargate offers only certain sizes per CPU size, EC2 needs it to fit on one instance. */
  memoryInMib: z.number().int(),
  desiredCount: z.number().int().min(0),
  /**
   * Where the tasks run: `fargate`, or `ec2` on the cluster's EC2 capacity provider (compute.*),
   * whose managed scaling starts the instances these tasks need.
   */
  capacity: z.enum(['fargate', 'ec2'], { error: 'is not a capacity. Fix: "fargate" or "ec2"' }),
};

/** Fargate registers a task definition only with a CPU/memory pair it offers (EC2 sizes: checkAtlasAgainstEnvironment). */
function checkFargateSize(size: { cpu: number; memoryInMib: number; capacity: string }, ctx: z.RefinementCtx): void {
  if (size.capacity !== 'fargate') return;
  const problem = fargateSizeProblem(size.cpu, size.memoryInMib, 'memoryInMib');
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
}

const service = z.strictObject(serviceFields).superRefine(checkFargateSize);

/** A service built in this platform's ECR repository `<namePrefix>-<service>`. */
const ecrService = z
  .strictObject({
    ...serviceFields,
    /**
     * Released image tag in that repository: the default of the stack's `<service>_image` variable,
     * so a release is a reviewed change of this value (`-var` still overrides it for one plan).
     */
    imageTag,
    /**
     * The service's Prometheus endpoint: set it and the environment's Prometheus scrapes every task
     * (its `applications` job); omit it and the service only pushes OTLP.
     */
    metrics: z
      .strictObject({
        port: z.number().int().min(1).max(65535),
        path: z.enum(Object.keys(METRICS_PATHS) as [MetricsPath, ...MetricsPath[]]).optional(),
      })
      .optional(),
  })
  .superRefine(checkFargateSize);

/**
 * Apache Kafka versions MSK offers for provisioned clusters (AWS "Supported Apache Kafka
 * versions"; 3.7 and later are named `3.7.x`, their KRaft variants `3.7.x.kraft`). Extend the list
 * when MSK adds one; versions past their end of support are left out because MSK refuses to create them.
 */
export const MSK_KAFKA_VERSIONS = ['2.8.2.tiered', '3.4.0', '3.5.1', '3.6.0', '3.7.x', '3.7.x.kraft', '3.8.x', '3.8.x.kraft', '3.9.x', '3.9.x.kraft', '4.0.x.kraft'] as const;

/** Standard MSK broker types with EBS storage (Express brokers have no EBS volume to size). */
export const MSK_BROKER_TYPES = [
  'kafka.t3.small',
  ...['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'].map((size) => `kafka.m5.${size}`),
  ...['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'].map((size) => `kafka.m7g.${size}`),
];

/** The first minor RDS offered for each PostgreSQL major (community x.0 releases never reached RDS). */
export const RDS_POSTGRES_FIRST_MINOR: Readonly<Record<string, number>> = { '13': 1, '14': 1, '15': 2, '16': 1, '17': 1 };

/** Instance classes on which RDS refuses Performance Insights. */
const NO_PERFORMANCE_INSIGHTS = ['db.t2.micro', 'db.t2.small', 'db.t3.micro', 'db.t3.small', 'db.t4g.micro', 'db.t4g.small'];

/** Database names RDS for PostgreSQL keeps for itself. */
const RESERVED_DATABASE_NAMES = ['rdsadmin', 'template0', 'template1'];

const msk = z
  .strictObject({
    /** Apache Kafka version, e.g. "3.6.0". */
    kafkaVersion: z.string().refine((v) => (MSK_KAFKA_VERSIONS as readonly string[]).includes(v), {
      error: `is not a Kafka version MSK offers. Fix: one of ${MSK_KAFKA_VERSIONS.join(', ')}`,
    }),
    brokerInstanceType: z.string().refine((t) => MSK_BROKER_TYPES.includes(t), {
      error: `is not an MSK broker type with EBS storage. Fix: kafka.t3.small, kafka.m5.<size> or kafka.m7g.<size>, e.g. "kafka.m5.large"`,
    }),
    /** Broker count; a multiple of the number of availability zones. */
    brokers: z.number().int().min(2),
    ebsVolumeSizeInGib: z.number().int().min(1).max(16384),
    /** Public IAM+TLS endpoints for operators (brokers in the public subnets). */
    publicAccess: z.boolean(),
    /** Ranges allowed to reach the public endpoints (port 9198). */
    publicAccessCidrs: z.array(allowListCidr),
    /** Multi-VPC private connectivity (IAM) with a cluster policy for the listed accounts. */
    multiVpcConnectivity: z.boolean(),
    /** Accounts allowed to create managed VPC connections to the cluster. */
    multiVpcClientAccountIds: z.array(z.string().regex(/^\d{12}$/, { error: 'is not a 12-digit AWS account id. Fix: e.g. "111122223333"' })),
    /**
     * AWS refuses public access and multi-VPC auth when a cluster is created: `create` leaves them
     * off for the first apply, `enable` turns them on (the second apply, and every one after it).
     */
    phase: z.enum(['create', 'enable']),
    /** Broker log group retention: CloudWatch Logs accepts only its fixed periods. */
    logRetentionInDays: retentionInDays,
  })
  .superRefine((m, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (m.publicAccess && m.publicAccessCidrs.length === 0) issue('publicAccessCidrs', 'is empty while publicAccess is true. Fix: list the operator ranges allowed to reach the public brokers');
    if (!m.publicAccess && m.publicAccessCidrs.length > 0) issue('publicAccessCidrs', 'is set while publicAccess is false. Fix: remove the ranges or turn publicAccess on');
    if (m.multiVpcConnectivity && m.multiVpcClientAccountIds.length === 0) issue('multiVpcClientAccountIds', 'is empty while multiVpcConnectivity is true. Fix: list the client accounts');
    // AWS: multi-VPC connectivity is not offered on kafka.t3.small brokers.
    if (m.multiVpcConnectivity && m.brokerInstanceType === 'kafka.t3.small') issue('brokerInstanceType', 'does not support multi-VPC connectivity. Fix: use kafka.m5.large or larger');
  });

const rds = z
  .strictObject({
    instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { error: 'is not an RDS instance class. Fix: e.g. "db.t4g.medium"' }),
    allocatedStorageInGib: z.number().int().min(20, { error: 'is below 20 GiB, the gp3 minimum. Fix: 20 or more' }),
    /** Storage autoscaling ceiling. */
    maxAllocatedStorageInGib: z.number().int(),
    /**
     * PostgreSQL major ("16", RDS picks the current minor and auto minor upgrades keep it current
     * without a Terraform diff) or a pinned major.minor ("16.4"). The parameter group family follows the major.
     */
    engineVersion: z.string().regex(/^(1[3-7])(\.\d+)?$/, { error: 'is not a supported PostgreSQL version. Fix: a major 13-17, e.g. "16", or major.minor, e.g. "16.4"' }),
    databaseName: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, { error: 'is not a PostgreSQL database name. Fix: lowercase letters, digits and underscores, e.g. "dashboard"' })
      .refine((name) => !RESERVED_DATABASE_NAMES.includes(name), { error: `is reserved by RDS for PostgreSQL. Fix: another name, e.g. "dashboard" (reserved: ${RESERVED_DATABASE_NAMES.join(', ')})` }),
    multiAz: z.boolean(),
    publiclyAccessible: z.boolean(),
    /** Ranges allowed to reach PostgreSQL (5432) besides the dashboard backend. */
    allowedCidrs: z.array(allowListCidr),
    backupRetentionInDays: z.number().int().min(7, { error: 'is below 7 days. Fix: keep at least 7 days of backups' }).max(35),
    performanceInsights: z.boolean(),
    /** Snapshot the instance when Terraform destroys it. */
    finalSnapshot: z.boolean(),
    /** DatabaseConnections above this raise an alarm (size it from the class's max_connections). */
    connectionsAlarmThreshold: z.number().int().min(1),
  })
  .superRefine((r, ctx) => {
    if (r.publiclyAccessible && r.allowedCidrs.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['allowedCidrs'], message: 'is empty while publiclyAccessible is true. Fix: list the operator ranges allowed to reach the database' });
    }
    const [major, minor] = r.engineVersion.split('.');
    const first = RDS_POSTGRES_FIRST_MINOR[major];
    if (minor !== undefined && first !== undefined && Number(minor) < first) {
      ctx.addIssue({
        code: 'custom',
        path: ['engineVersion'],
        message: `is not offered by RDS, whose PostgreSQL ${major} starts at ${major}.${first}. Fix: "${major}" (RDS picks the current minor) or a minor from ${major}.${first} on`,
      });
    }
    if (r.performanceInsights && NO_PERFORMANCE_INSIGHTS.includes(r.instanceClass)) {
      ctx.addIssue({
        code: 'custom',
        path: ['performanceInsights'],
        message: `is true, but RDS refuses Performance Insights on ${r.instanceClass}. Fix: set it to false, or use db.t4g.medium or larger`,
      });
    }
    if (r.maxAllocatedStorageInGib > 65536) {
      ctx.addIssue({ code: 'custom', path: ['maxAllocatedStorageInGib'], message: 'is above 65536 GiB, the gp3 maximum. Fix: 65536 or less' });
    }
    if (r.maxAllocatedStorageInGib < r.allocatedStorageInGib) {
      ctx.addIssue({ code: 'custom', path: ['maxAllocatedStorageInGib'], message: `is below allocatedStorageInGib (${r.allocatedStorageInGib}). Fix: make it at least the allocated storage` });
    }
  });

/**
 * A topic name Kafka accepts: 1-249 characters of [a-zA-Z0-9._-], and not "." or ".." (Kafka's
 * `Topic.validate`). Firehose's MSK source takes the same characters.
 */
export const kafkaTopicName = z.string().superRefine((name, ctx) => {
  const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
  if (name === '.' || name === '..') issue('is a name Kafka refuses ("." and ".." are reserved). Fix: a name such as "events"');
  else if (name.length < 1 || name.length > 249) issue(`is ${name.length} characters; Kafka accepts 1-249. Fix: a name such as "events"`);
  else if (!/^[a-zA-Z0-9._-]+$/.test(name)) {
    const bad = [...new Set(name.replace(/[a-zA-Z0-9._-]/g, ''))].map((c) => JSON.stringify(c)).join(', ');
    issue(`contains ${bad}, which Kafka refuses in a topic name. Fix: only letters, digits, ".", "_" and "-", e.g. "${name.replace(/[^a-zA-Z0-9._-]/g, '-')}"`);
  }
});

/** Firehose's S3 buffering limits (AWS: 1-128 MiB, 0-900 seconds; whichever fills first flushes). */
export const FIREHOSE_BUFFER_SIZE_MIB = { min: 1, max: 128 } as const;
export const FIREHOSE_BUFFER_INTERVAL_SECONDS = { min: 0, max: 900 } as const;

const exportBucket = z
  .strictObject({
    enabled: z.boolean(),
    /** Exports older than this are deleted. */
    expireAfterDays: z.number().int().min(1),
    /**
     * Topics delivered into the bucket, each by its own Firehose stream (a Firehose MSK source reads
     * one topic). Empty: the bucket exists and nothing writes to it.
     */
    topics: z.array(kafkaTopicName).max(20, { error: 'lists more than 20 topics. Fix: 20 or fewer (each is a Firehose stream and a role statement; ask for more in an issue)' }),
    /**
     * First folder of every export key: `<keyPrefix>/topic=<topic>/<time>/` for records,
     * `<keyPrefix>/errors/...` for records Firehose could not deliver. The delivery role may write only here.
     */
    keyPrefix: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, { error: 'is not a one-level key prefix. Fix: lowercase letters, digits, ".", "_" and "-" (at most 63, no "/"), e.g. "kafka"' }),
    /** Time folders under each topic, in UTC from the delivery time: `yyyy/MM/dd/HH` (hour) or `yyyy/MM/dd` (day). */
    timePartition: z.enum(['hour', 'day']),
    /** Firehose flushes a file when either limit is reached. */
    buffering: z.strictObject({
      sizeInMib: z
        .number()
        .int()
        .min(FIREHOSE_BUFFER_SIZE_MIB.min, { error: `is below ${FIREHOSE_BUFFER_SIZE_MIB.min} MiB, Firehose's minimum. Fix: 1-128, e.g. 64` })
        .max(FIREHOSE_BUFFER_SIZE_MIB.max, { error: `is above ${FIREHOSE_BUFFER_SIZE_MIB.max} MiB, Firehose's maximum. Fix: 1-128, e.g. 64` }),
      intervalInSeconds: z
        .number()
        .int()
        .min(FIREHOSE_BUFFER_INTERVAL_SECONDS.min, { error: 'is negative. Fix: 0-900 seconds, e.g. 300' })
        .max(FIREHOSE_BUFFER_INTERVAL_SECONDS.max, { error: `is above ${FIREHOSE_BUFFER_INTERVAL_SECONDS.max} seconds, Firehose's maximum. Fix: 0-900, e.g. 300` }),
    }),
  })
  .superRefine((e, ctx) => {
    const seen = new Set<string>();
    e.topics.forEach((topic, i) => {
      if (seen.has(topic)) ctx.addIssue({ code: 'custom', path: ['topics', i], message: `lists "${topic}" twice. Fix: list each topic once` });
      seen.add(topic);
    });
    if (!e.enabled && e.topics.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['topics'], message: 'lists topics while enabled is false: there is no bucket to deliver to. Fix: set enabled to true, or topics to []' });
    }
  });

export const atlasSchema = z.strictObject({
  /** Public hostnames of the services; each under dns.domain. */
  hostnames: z.strictObject({ eventsIngestion: dnsName, dashboardBackend: dnsName, kafkaUi: dnsName }),
  msk,
  rds,
  /** Kafka UI runs a public image (the stack's `kafka_ui_image` variable), hence no tag here. */
  services: z.strictObject({ eventsIngestion: ecrService, dashboardBackend: ecrService, kafkaUi: service }),
  /** The services' runtime-config secrets. */
  secrets: z.strictObject({
    /**
     * Days a destroyed secret stays recoverable; AWS accepts 7-30, or 0 to delete at once. While a
     * secret is recoverable AWS refuses a new secret of the same name, so an environment that is
     * destroyed and applied again needs 0.
     */
    recoveryWindowInDays: z
      .number()
      .int()
      .refine((d) => d === 0 || (d >= 7 && d <= 30), { message: "must be 0 (delete at once) or 7-30 days (AWS's range). Fix: e.g. 30, or 0 for an environment that is torn down and recreated" }),
  }),
  exportBucket: exportBucket,
});

export type AtlasConfig = z.output<typeof atlasSchema>;

/** Firehose delivery stream names: 1-64 characters of [a-zA-Z0-9_.-]. */
export const FIREHOSE_STREAM_NAME_LIMIT = 64;

/** The delivery stream of one exported topic (topic names use Firehose's characters already). */
export function exportStreamName(namePrefix: string, topic: string): string {
  return `${namePrefix}-export-${topic}`;
}

interface EnvironmentView {
  readonly namePrefix: string;
  readonly dns: { readonly domain: string };
  readonly identity: { readonly callbackHostnames: readonly string[] };
  readonly network: { readonly availabilityZones: readonly string[] };
  readonly compute: { readonly instanceType: string; readonly minSize: number };
  readonly atlas: AtlasConfig;
}

/** Checks that need the rest of the environment: hostnames under the domain, Cognito callbacks, broker spread. */
export function checkAtlasAgainstEnvironment(env: EnvironmentView, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['atlas', ...path], message });
  const { domain } = env.dns;
  for (const [key, host] of Object.entries(env.atlas.hostnames)) {
    const problem = hostnameUnderDomainProblem(host, domain);
    if (problem) issue(['hostnames', key], problem);
  }
  const kafkaUi = env.atlas.hostnames.kafkaUi;
  if (!env.identity.callbackHostnames.includes(kafkaUi)) {
    issue(['hostnames', 'kafkaUi'], `is behind a Cognito login but not in identity.callbackHostnames. Fix: add "${kafkaUi}" to identity.callbackHostnames`);
  }
  checkCapacity(env, issue, ctx);
  const { msk: cluster, exportBucket: exportConfig } = env.atlas;
  // Firehose reaches MSK only through multi-VPC private or public bootstrap brokers (AWS Firehose "Configure source settings for Amazon MSK").
  if (exportConfig.topics.length > 0 && !cluster.multiVpcConnectivity && !cluster.publicAccess) {
    issue(
      ['exportBucket', 'topics'],
      'needs Firehose to reach MSK, which it does only through multi-VPC private connectivity or public access, and msk has neither. Fix: set msk.multiVpcConnectivity to true (with a client account), or topics to []',
    );
  }
  exportConfig.topics.forEach((topic, i) => {
    const name = exportStreamName(env.namePrefix, topic);
    if (name.length > FIREHOSE_STREAM_NAME_LIMIT) {
      issue(
        ['exportBucket', 'topics', i],
        `makes the Firehose stream name "${name}" ${name.length} characters; Firehose allows ${FIREHOSE_STREAM_NAME_LIMIT}. Fix: a topic name of at most ${FIREHOSE_STREAM_NAME_LIMIT - exportStreamName(env.namePrefix, '').length} characters`,
      );
    }
  });
  const azs = env.network.availabilityZones.length;
  const brokers = env.atlas.msk.brokers;
  if (brokers % azs !== 0) {
    const below = Math.max(azs, Math.floor(brokers / azs) * azs);
    issue(['msk', 'brokers'], `is not a multiple of the ${azs} availability zones. Fix: use ${below} or ${Math.ceil(brokers / azs) * azs}`);
  }
}

/**
 * A service on EC2 must fit on one instance of compute.instanceType, and compute.minSize may keep
 * instances only for services that run there (an instance nobody places a task on is paid for nothing).
 */
function checkCapacity(env: EnvironmentView, issue: (path: (string | number)[], message: string) => void, ctx: z.RefinementCtx): void {
  const onEc2 = Object.entries(env.atlas.services).filter(([, service]) => service.capacity === 'ec2');
  for (const [key, service] of onEc2) {
    const problem = ec2SizeProblem({ cpu: service.cpu, memory: service.memoryInMib }, env.compute.instanceType, { memory: 'memoryInMib', memoryReservation: 'memoryInMib' });
    if (problem && problem.key !== 'instanceType') issue(['services', key, problem.key], problem.message.replace('a larger instance type', 'a larger compute.instanceType, or capacity "fargate"'));
  }
  const running = onEc2.filter(([, service]) => service.desiredCount > 0).length;
  if (env.compute.minSize > 0 && running === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['compute', 'minSize'],
      message:
        'keeps instances running, but no atlas service runs a task on EC2, so nobody uses them. Fix: 0 (managed scaling starts an instance when a task needs one), or set a service\'s capacity to "ec2"',
    });
  }
}
