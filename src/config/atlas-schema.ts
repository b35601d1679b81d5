/**
 * The `atlas` section of an environment: the Layer 2 workloads (MSK, RDS, the three services,
 * the export bucket). Staging/prod differences (public vs private placement, Multi-AZ, sizes) are
 * values here; the stack never asks which environment it is building.
 */
import { z } from 'zod';
import { parseCidr } from './cidr';
import { dnsName, imageTag } from './rules';

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

const service = z.strictObject({
  /** Fargate task CPU units (256 = 0.25 vCPU). */
  cpu: z.union([z.literal(256), z.literal(512), z.literal(1024), z.literal(2048), z.literal(4096)], {
    error: 'is not a Fargate CPU size. Fix: one of 256, 512, 1024, 2048, 4096',
  }),
  /** Task memory in MiB (must fit the CPU size, as Fargate requires). */
  memoryInMib: z.number().int().min(512, { error: 'is below 512 MiB, the Fargate minimum. Fix: 512 or more' }),
  desiredCount: z.number().int().min(0),
});

/** A service built in this platform's ECR repository `<namePrefix>-<service>`. */
const ecrService = service.extend({
  /**
   * Released image tag in that repository: the default of the stack's `<service>_image` variable,
   * so a release is a reviewed change of this value (`-var` still overrides it for one plan).
   */
  imageTag,
});

const msk = z
  .strictObject({
    /** Apache Kafka version, e.g. "3.6.0". */
    kafkaVersion: z.string().regex(/^\d+\.\d+\.\d+(\.tiered)?$/, { error: 'is not a Kafka version. Fix: e.g. "3.6.0"' }),
    brokerInstanceType: z.string().regex(/^kafka\.[a-z0-9]+\.[a-z0-9]+$/, { error: 'is not an MSK broker type. Fix: e.g. "kafka.m5.large"' }),
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
    logRetentionInDays: z.number().int().min(1),
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
    databaseName: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, { error: 'is not a PostgreSQL database name. Fix: lowercase letters, digits and underscores, e.g. "dashboard"' }),
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
    if (r.maxAllocatedStorageInGib < r.allocatedStorageInGib) {
      ctx.addIssue({ code: 'custom', path: ['maxAllocatedStorageInGib'], message: `is below allocatedStorageInGib (${r.allocatedStorageInGib}). Fix: make it at least the allocated storage` });
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
      .refine((d) => d === 0 || (d >= 7 && d <= 30), { message: 'must be 0 (delete at once) or 7-30 days (AWS\'s range). Fix: e.g. 30, or 0 for an environment that is torn down and recreated' }),
  }),
  exportBucket: z.strictObject({
    enabled: z.boolean(),
    /** Exports older than this are deleted. */
    expireAfterDays: z.number().int().min(1),
  }),
});

export type AtlasConfig = z.output<typeof atlasSchema>;

interface EnvironmentView {
  readonly dns: { readonly domain: string };
  readonly identity: { readonly callbackHostnames: readonly string[] };
  readonly network: { readonly availabilityZones: readonly string[] };
  readonly atlas: AtlasConfig;
}

/** Checks that need the rest of the environment: hostnames under the domain, Cognito callbacks, broker spread. */
export function checkAtlasAgainstEnvironment(env: EnvironmentView, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['atlas', ...path], message });
  const { domain } = env.dns;
  for (const [key, host] of Object.entries(env.atlas.hostnames)) {
    if (!host.endsWith(`.${domain}`)) issue(['hostnames', key], `is not under the domain ${domain}. Fix: use a name ending in .${domain}`);
  }
  const kafkaUi = env.atlas.hostnames.kafkaUi;
  if (!env.identity.callbackHostnames.includes(kafkaUi)) {
    issue(['hostnames', 'kafkaUi'], `is behind a Cognito login but not in identity.callbackHostnames. Fix: add "${kafkaUi}" to identity.callbackHostnames`);
  }
  const azs = env.network.availabilityZones.length;
  const brokers = env.atlas.msk.brokers;
  if (brokers % azs !== 0) {
    const below = Math.max(azs, Math.floor(brokers / azs) * azs);
    issue(['msk', 'brokers'], `is not a multiple of the ${azs} availability zones. Fix: use ${below} or ${Math.ceil(brokers / azs) * azs}`);
  }
}
