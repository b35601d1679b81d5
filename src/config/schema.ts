/**
 * The schema of one environment's configuration. Every difference between staging and prod is a
 * value here; constructs receive these values, never the environment name.
 */
import { z } from 'zod';
import { atlasSchema, checkAtlasAgainstEnvironment } from './atlas-schema';
import { cidrContains, cidrsOverlap, parseCidr } from './cidr';
import { checkMonitoring, monitoringSchema } from './monitoring-schema';
import { TIERS } from '../core/protection';
import { instanceSize, KNOWN_INSTANCE_FAMILIES } from './task-sizes';
import { accountId, awsRegion, cidr, dnsName, dnsNameProblem, email, hostnameUnderDomainProblem, parentDomain, retentionInDays, slug } from './rules';

/** Who writes the NS records that delegate a created hosted zone (see `dns.delegation`). */
export const DNS_DELEGATIONS = ['registrar', 'parent-zone', 'parent-zone-manual'] as const;
export type DnsDelegation = (typeof DNS_DELEGATIONS)[number];

const network = z
  .strictObject({
    /** VPC range, between /16 and /28 as AWS allows. */
    vpcCidr: cidr,
    /** At least two distinct availability zones; subnets are created in this order. */
    availabilityZones: z.array(
      z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, {
        error: 'is not an availability zone name. Fix: e.g. "eu-west-1a"',
      }),
    ),
    /** One public subnet per availability zone, inside the VPC. */
    publicSubnetCidrs: z.array(cidr),
    /** One private subnet per availability zone, inside the VPC. */
    privateSubnetCidrs: z.array(cidr),
    /** 1 shares one NAT gateway (cheaper); one per AZ survives an AZ outage. */
    natGateways: z.number().int(),
    flowLogRetentionInDays: retentionInDays,
  })
  .superRefine((net, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const azs = net.availabilityZones;
    if (azs.length < 2) issue(['availabilityZones'], 'lists fewer than two availability zones. Fix: list two distinct zones, e.g. ["eu-west-1a", "eu-west-1b"]');
    // MSK spreads brokers over the private subnets, one per zone, and accepts two or three.
    if (azs.length > 3) issue(['availabilityZones'], `lists ${azs.length} availability zones; MSK accepts client subnets in 2 or 3. Fix: list two or three zones`);
    azs.forEach((az, i) => {
      if (azs.indexOf(az) !== i) issue(['availabilityZones', i], `repeats "${az}". Fix: list each availability zone once`);
    });
    if (net.natGateways < 1 || net.natGateways > azs.length) {
      issue(['natGateways'], `must be between 1 and the number of availability zones (${azs.length}). Fix: 1 for one shared NAT, ${azs.length} for one per AZ`);
    }
    const vpc = parseCidr(net.vpcCidr);
    if (!vpc) return;
    if (vpc.prefixLength < 16 || vpc.prefixLength > 28) {
      issue(['vpcCidr'], `has prefix /${vpc.prefixLength}; AWS allows a VPC between /16 and /28. Fix: e.g. 10.20.0.0/16`);
    }
    const seen: { path: (string | number)[]; cidr: string }[] = [];
    for (const kind of ['publicSubnetCidrs', 'privateSubnetCidrs'] as const) {
      const list = net[kind];
      if (list.length !== azs.length) {
        issue([kind], `has ${list.length} subnets for ${azs.length} availability zones. Fix: give one subnet per zone, in zone order`);
      }
      list.forEach((subnet, i) => {
        const block = parseCidr(subnet);
        if (!block) return;
        if (!cidrContains(vpc, block)) issue([kind, i], `is outside the VPC ${net.vpcCidr}. Fix: pick a range inside ${net.vpcCidr}`);
        if (block.prefixLength > 28) issue([kind, i], `is /${block.prefixLength}; AWS subnets are /28 or larger. Fix: use /28 or a smaller prefix`);
        else if (kind === 'publicSubnetCidrs' && block.prefixLength > 27) {
          issue([kind, i], `is /${block.prefixLength}; the ALB in the public subnets needs at least a /27. Fix: use /27 or a smaller prefix, e.g. /24`);
        }
        const clash = seen.find((other) => cidrsOverlap(parseCidr(other.cidr)!, block));
        if (clash) issue([kind, i], `overlaps network.${clash.path.join('.')} (${clash.cidr}). Fix: give every subnet its own range`);
        seen.push({ path: [kind, i], cidr: subnet });
      });
    }
  });

const state = z.strictObject({
  /** S3 bucket that holds every stack's state (created by the bootstrap stack). */
  bucket: slug(63).min(3, { error: 'is shorter than 3 characters; S3 bucket names have 3 to 63. Fix: use a longer name, e.g. "atlas-terraform-state-<account id>"' }),
  /** DynamoDB table used for state locking. */
  lockTable: z.string().regex(/^[a-zA-Z0-9_.-]{3,255}$/, { error: 'is not a DynamoDB table name. Fix: 3-255 of a-z, A-Z, 0-9, _ . -' }),
  region: awsRegion,
  /** Also lock through S3 itself (Terraform 1.10+), alongside the DynamoDB table. */
  useLockfile: z.boolean(),
  /**
   * Where the bootstrap stack keeps its own state: `local` until its first apply has created the
   * bucket, then `s3` (key `bootstrap/terraform.tfstate`) once `terraform init -migrate-state`
   * has moved it there (README "Bootstrap").
   */
  bootstrapBackend: z.enum(['local', 's3'], { error: 'is not a bootstrap backend. Fix: use "local" before the first bootstrap apply, "s3" after migrating its state' }),
  /** The bucket and/or lock table already exist under these names: the bootstrap imports them. @default - both are created */
  adoptExisting: z.array(z.enum(['bucket', 'lockTable'], { error: 'is not adoptable. Fix: use "bucket" or "lockTable"' })).optional(),
});

/** Resources that already exist in the account: Terraform `import` blocks adopt them instead of creating new ones. */
const adopt = z.strictObject({
  /** ID of the existing public hosted zone of `dns.domain` (needs `dns.createHostedZone: true`). @default - create a new zone */
  hostedZoneId: z
    .string()
    .regex(/^Z[A-Z0-9]{1,32}$/, { error: 'is not a Route53 hosted zone ID. Fix: copy the ID ("Z" then capitals and digits) from the Route53 console' })
    .optional(),
  /** ARN of the existing ACM certificate for `*.<domain>` with `<domain>` as alternative name. @default - request a new one */
  certificateArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, {
      error: 'is not an ACM certificate ARN. Fix: copy it from the ACM console, "arn:aws:acm:<region>:<account>:certificate/<uuid>"',
    })
    .optional(),
});

export const environmentSchema = z
  .strictObject({
    /** Value of the Environment tag and of resource names (staging keeps `dev`). */
    environment: slug(16),
    /** Prefix of every physical name, e.g. `poc-atlas-dev-alb`. */
    namePrefix: slug(20),
    /**
     * The bar the policy pack holds this environment's stacks to (src/core/protection.ts). It
     * sets no resource value: `production` makes the pack require deletion protection,
     * prevent_destroy, Multi-AZ... (set them below) and refuses acknowledgements of rules that
     * may be acknowledged only outside production.
     */
    tier: z.enum(TIERS, { error: `is not a tier. Fix: one of ${TIERS.join(', ')}` }),
    /** Source repository, written into the Repository tag. */
    repository: z.string().min(1),
    aws: z.strictObject({ region: awsRegion, accountId }),
    state,
    /** Prefix of the SSM parameters Layer 1 writes and Layer 2 reads, e.g. `/infra`. */
    ssmPrefix: z
      .string()
      .regex(/^(\/[a-zA-Z0-9_.-]+)+$/, { error: 'is not an SSM path prefix. Fix: a path such as "/infra" with no trailing slash' })
      // SSM refuses parameter names whose first segment begins with aws or ssm (reserved by AWS).
      .refine((prefix) => !/^\/(aws|ssm)/i.test(prefix), { error: 'starts with "aws" or "ssm", which SSM reserves for AWS. Fix: e.g. "/infra" or "/<namePrefix>/infra"' }),
    network,
    dns: z.strictObject({
      /** Apex of the hosted zone and of the wildcard certificate. */
      domain: dnsName,
      /** Create the hosted zone (true) or look up an existing zone with this name (false). */
      createHostedZone: z.boolean(),
      /**
       * Who delegates a created zone (nothing resolves in it, and ACM validation never completes,
       * until someone does): `registrar`, an operator copies the output `hosted_zone_name_servers`
       * to the domain's registrar; `parent-zone`, the stack writes the NS record into the public
       * zone of the parent domain (`domain` without its first label), which must be in this
       * account; `parent-zone-manual`, an operator writes that NS record into a parent zone
       * elsewhere (another account). Required with createHostedZone, refused without it.
       */
      delegation: z.enum(DNS_DELEGATIONS, { error: `is not a delegation. Fix: one of ${DNS_DELEGATIONS.join(', ')}` }).optional(),
    }),
    adopt: adopt.optional(),
    compute: z
      .strictObject({
        /** EC2 instance type of the ECS capacity provider's Auto Scaling group (SSM `ec2-instance-type`). */
        instanceType: z
          .string()
          .regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, { error: 'is not an EC2 instance type. Fix: e.g. "t3.medium"' })
          // The launch template boots the x86_64 ECS-optimized AMI: a Graviton (arm64) type never starts.
          .refine((type) => !/^[a-z]+\d+[a-z]*g[a-z]*\./.test(type), {
            error: 'is a Graviton (arm64) type, and the capacity provider boots the x86_64 ECS-optimized AMI. Fix: an x86_64 type, e.g. "t3.medium" or "m6i.large"',
          })
          // Services on EC2 are checked against its size (and TenantService checks them again).
          .refine((type) => /^[a-z]+\d+[a-z]*g[a-z]*\./.test(type) || instanceSize(type) !== undefined, {
            error: `is not an instance type whose size the platform knows, so services on EC2 cannot be checked against it. Fix: a size of ${KNOWN_INSTANCE_FAMILIES.join(', ')}, e.g. "t3.medium"`,
          }),
        /**
         * Instances kept even without tasks (managed scaling adds what placed tasks need up to
         * maxSize); more than 0 only while some service in this config runs on EC2.
         */
        minSize: z.number().int().min(0),
        maxSize: z.number().int().min(1),
        rootVolumeSizeInGib: z.number().int().min(30, { error: 'is below 30 GiB, the ECS-optimized AMI minimum. Fix: 30 or more' }),
      })
      .refine((c) => c.minSize <= c.maxSize, { error: 'minSize exceeds maxSize. Fix: make minSize <= maxSize', path: ['minSize'] }),
    loadBalancer: z.strictObject({
      accessLogRetentionInDays: z.number().int().min(1),
      /** 5xx the ALB answers itself (HTTPCode_ELB_5XX_Count) per 5 minutes above which the operators are alarmed. */
      elb5xxAlarmThreshold: z.number().int().min(1, { error: 'must be at least 1. Fix: e.g. 10' }),
    }),
    identity: z
      .strictObject({
        /** Hosted-UI domain prefix at amazoncognito.com. */
        cognitoDomainPrefix: slug(63).refine((prefix) => !/aws|amazon|cognito/.test(prefix), {
          error: 'contains "aws", "amazon" or "cognito", which Cognito refuses in a domain prefix. Fix: e.g. "<namePrefix>-auth"',
        }),
        /** Google OAuth client id (public); its secret is the sensitive variable `google_client_secret`. */
        googleClientId: z.string().regex(/^[\w-]+\.apps\.googleusercontent\.com$/, {
          error: 'is not a Google OAuth client id. Fix: copy it from Google Cloud console, "<id>.apps.googleusercontent.com"',
        }),
        /** Hostnames whose ALB rules authenticate through Cognito (they get callback URLs). */
        callbackHostnames: z.array(dnsName),
        /** People who may sign in (Google accounts are admitted by the pre sign-up trigger only if listed). */
        allowedEmails: z.array(email),
        /** Email domains whose people may sign in. */
        allowedEmailDomains: z.array(dnsName),
      })
      .refine((identity) => identity.allowedEmails.length + identity.allowedEmailDomains.length > 0, {
        error: "lists nobody who may sign in (allowedEmails and allowedEmailDomains are empty). Fix: list the operators' emails or their email domain",
      }),
    alerting: z.strictObject({
      operatorEmail: email,
      monthlyBudgetUsd: z.number().positive({ error: 'must be a positive amount. Fix: e.g. 150' }),
    }),
    logs: z.strictObject({ retentionInDays }),
    /**
     * The `Protection` (src/core/protection.ts) of every stateful construct of the environment's
     * stacks. The bootstrap stack ignores it: the state bucket and lock table, shared by every
     * environment, are always protected.
     */
    protection: z.strictObject({
      /**
       * AWS deletion protection where the service has one: the ALB (base-infra), the Cognito
       * user pool (base-infra) and the RDS instance (atlas).
       */
      deletionProtection: z.boolean(),
      /**
       * Terraform `prevent_destroy` on the stateful resources: the hosted zone, the ALB access-log
       * bucket and the EFS file system (base-infra); the MSK cluster, the RDS instance and the
       * Kafka export bucket (atlas).
       */
      preventDestroy: z.boolean(),
    }),
    /** Layer 2 Atlas workloads (src/config/atlas-schema.ts). */
    atlas: atlasSchema,
    /** Layer 2b monitoring (src/config/monitoring-schema.ts). */
    monitoring: monitoringSchema,
  })
  .superRefine((env, ctx) => {
    checkAtlasAgainstEnvironment(env, ctx);
    checkMonitoring(env, ctx);
    checkDelegation(env.dns, ctx);
    if (env.adopt?.hostedZoneId && !env.dns.createHostedZone) {
      ctx.addIssue({
        code: 'custom',
        path: ['adopt', 'hostedZoneId'],
        message: 'imports a zone, but dns.createHostedZone is false, so the zone is only looked up and never managed. Fix: set dns.createHostedZone to true, or remove adopt.hostedZoneId',
      });
    }
    env.identity.callbackHostnames.forEach((host, i) => {
      const problem = dnsNameProblem(host) ? undefined : hostnameUnderDomainProblem(host, env.dns.domain);
      if (problem) ctx.addIssue({ code: 'custom', path: ['identity', 'callbackHostnames', i], message: problem });
    });
    checkRouteHostnamesDistinct(env, ctx);
    env.network.availabilityZones.forEach((az, i) => {
      if (!az.startsWith(env.aws.region)) {
        ctx.addIssue({
          code: 'custom',
          path: ['network', 'availabilityZones', i],
          message: `is not in the region ${env.aws.region}. Fix: use a zone such as ${env.aws.region}a`,
        });
      }
    });
  });

/** Every hostname the environment routes on the shared ALB, by its config path. */
export function routeHostnames(env: { atlas: { hostnames: Record<string, string> }; monitoring: { hostnames: Record<string, string> } }): [string, string][] {
  return [
    ...Object.entries(env.atlas.hostnames).map(([key, host]): [string, string] => [`atlas.hostnames.${key}`, host]),
    ...Object.entries(env.monitoring.hostnames).map(([key, host]): [string, string] => [`monitoring.hostnames.${key}`, host]),
  ];
}

/** Two listener rules for one host: the one with the lower priority wins and the other never matches. */
function checkRouteHostnamesDistinct(env: Parameters<typeof routeHostnames>[0], ctx: z.RefinementCtx): void {
  const routes = routeHostnames(env);
  routes.forEach(([field, host], i) => {
    const first = routes.findIndex(([, other]) => other === host);
    if (first < i) {
      ctx.addIssue({
        code: 'custom',
        path: field.split('.'),
        message: `is also ${routes[first][0]}: two listener rules for one host, and only one of them ever matches. Fix: give each service its own hostname`,
      });
    }
  });
}

function checkDelegation(dns: { domain: string; createHostedZone: boolean; delegation?: string }, ctx: z.RefinementCtx): void {
  const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['dns', 'delegation'], message });
  if (dns.createHostedZone && !dns.delegation) {
    issue(
      `is missing for the created zone ${dns.domain}: until its name servers are delegated, nothing in it resolves and ACM validation never completes. Fix: "registrar" for a registered domain, "parent-zone" for a sub-domain whose parent zone is in this account`,
    );
  } else if (!dns.createHostedZone && dns.delegation) {
    issue(`is set, but dns.createHostedZone is false: an existing zone is looked up and already delegated. Fix: remove dns.delegation`);
  } else if (dns.delegation !== undefined && dns.delegation !== 'registrar' && !dnsNameProblem(dns.domain) && !parentDomain(dns.domain)) {
    issue(`needs a parent zone, but ${dns.domain} has no parent below the top-level domain. Fix: "registrar"`);
  }
}

export type EnvironmentInput = z.input<typeof environmentSchema>;

/** A validated environment, with the key it was loaded under (`staging`, `prod`). */
export type EnvironmentConfig = z.output<typeof environmentSchema> & { readonly name: string };
