/**
 * The base of every stack: AWS provider with the platform's default tags and account guard,
 * state backend (S3 + DynamoDB, or local for the bootstrap), and readable resource addresses.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LocalBackend, S3Backend, type TerraformBackend, TerraformDataSource, TerraformElement, TerraformOutput, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct, Node } from 'constructs';
import type { Tier } from './protection';
import { AddressError, PropsError } from './input-error';
import { platformTags, type TagInputs } from './tags';

export type { Tier };

/** The platform's Terraform state backend (the bootstrap stack creates it). */
export interface StateBackendSettings {
  /** S3 bucket holding every stack's state. */
  readonly bucket: string;
  /** DynamoDB table Terraform locks the state with. */
  readonly lockTable: string;
  /** Region of the bucket and the table. */
  readonly region: string;
  /** Also take S3-native lock files (Terraform 1.10+). */
  readonly useLockfile: boolean;
}

/** Provider, backend and tags of one stack. */
export interface PlatformStackProps {
  /** AWS region every resource of the stack is created in, e.g. `eu-west-1`. */
  readonly region: string;
  /** The only account this stack may touch; a wrong profile fails before planning. */
  readonly accountId: string;
  /** The platform's default tags, applied to every resource through the provider. */
  readonly tags: TagInputs;
  /**
   * Remote state in S3; omitted only by the bootstrap stack, which creates the bucket.
   * @default - local state in `terraform.bootstrap.tfstate` at the project root
   */
  readonly state?: StateBackendSettings;
  /**
   * State object key, e.g. `base-infra/staging/terraform.tfstate` (see `stateKey()`); required with `state`.
   * @default - none: only the local backend goes without
   */
  readonly stateKey?: string;
  /** Tier the policy pack holds this stack to (see `Tier`); it changes no resource. @default 'production' */
  readonly tier?: Tier;
}

/** The state key of one layer in one environment. */
export function stateKey(layer: string, environment: string): string {
  return `${layer}/${environment}/terraform.tfstate`;
}

/** Where the bootstrap keeps its local state: the project root, so a fresh synth never wipes it. */
export const BOOTSTRAP_LOCAL_STATE = '../../../terraform.bootstrap.tfstate';

/**
 * The base of every stack: AWS provider pinned to the exact release the bindings were generated
 * for, limited to one account, with the platform's default tags; S3 state; Terraform addresses
 * that follow the construct path (`api/service` -> `aws_ecs_service.api_service`).
 */
export class PlatformStack extends TerraformStack {
  private readonly addresses = new Map<string, string>();
  /** The tier the policy pack checks this stack against. */
  readonly tier: Tier;
  /** The provider's region: every resource of the stack is created there. */
  readonly region: string;
  /** The only account the provider may touch. */
  readonly accountId: string;
  /** Where the stack keeps its state: S3, or local for the bootstrap (acknowledge policy findings on it here). */
  readonly backend: TerraformBackend;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id);
    this.tier = props.tier ?? 'production';
    this.region = props.region;
    this.accountId = props.accountId;
    const provider = new AwsProvider(this, 'aws', {
      region: props.region,
      allowedAccountIds: [props.accountId],
      defaultTags: [{ tags: platformTags(props.tags) }],
    });
    pinProviderExactly(this, provider);
    if (props.state) {
      if (!props.stateKey) {
        throw new PropsError({
          subject: `stack ${id}`,
          field: 'stateKey',
          value: props.stateKey,
          problem: `is required with an S3 state backend (state.bucket = "${props.state.bucket}")`,
          fix: `pass stateKey, e.g. stateKey('api', 'staging') for "api/staging/terraform.tfstate"`,
        });
      }
      this.backend = new S3Backend(this, {
        bucket: props.state.bucket,
        key: props.stateKey,
        region: props.state.region,
        encrypt: true,
        dynamodbTable: props.state.lockTable,
      });
      if (props.state.useLockfile) {
        // Escape hatch: cdktf 0.21's S3Backend has no use_lockfile field (Terraform 1.10+).
        this.addOverride('terraform.backend.s3.use_lockfile', true);
      }
    } else {
      this.backend = new LocalBackend(this, { path: BOOTSTRAP_LOCAL_STATE });
    }
  }

  /**
   * Addresses read like hand-written HCL: the construct path below the stack in snake case, with
   * `this` dropped (`network/private_a` -> `aws_subnet.network_private_a`). An address used twice
   * for the same kind of block fails synth, naming both constructs.
   */
  protected allocateLogicalId(element: TerraformElement | Node): string {
    const node = TerraformElement.isTerraformElement(element) ? element.node : element;
    const below = node.scopes.slice(node.scopes.indexOf(this) + 1).map((scope) => scope.node.id);
    const parts = below.filter((id, i) => !(id === 'this' && i === below.length - 1 && below.length > 1));
    const logicalId = parts.map(snakeCase).join('_');
    const address = `${blockKind(element)}.${logicalId}`;
    const owner = this.addresses.get(address);
    if (owner !== undefined && owner !== node.path) {
      throw new AddressError({
        subject: node.path,
        field: 'id',
        value: node.id,
        problem: `makes the Terraform address ${address}, which ${owner} already has`,
        fix: 'give one of the constructs another id',
      });
    }
    this.addresses.set(address, node.path);
    return logicalId;
  }
}

/**
 * No dependency lock file is committed: one generated here (where the offline mirror holds only
 * linux_amd64) would record that platform's checksum alone, and `terraform init` on a darwin_arm64
 * laptop would then refuse the provider. An exact pin does what the lock file would: every init
 * installs the one release the bindings were generated for, and Terraform checks that release's
 * checksums against the registry's signed list. Escape hatch: cdktf writes a bare version, which
 * Terraform reads as exact too; `=` and the full source say so to readers and reviewers.
 */
function pinProviderExactly(stack: TerraformStack, provider: AwsProvider): void {
  const version = provider.terraformGeneratorMetadata?.providerVersion;
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`@cdktf/provider-aws declares provider version ${JSON.stringify(version)}, not an exact release. Fix: install a @cdktf/provider-aws generated for one provider release`);
  }
  stack.addOverride(`terraform.required_providers.${provider.terraformResourceType}`, { source: 'hashicorp/aws', version: `= ${version}` });
}

function snakeCase(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

function blockKind(element: TerraformElement | Node): string {
  if (element instanceof TerraformResource) return `resource.${element.terraformResourceType}`;
  if (element instanceof TerraformDataSource) return `data.${element.terraformResourceType}`;
  if (element instanceof TerraformOutput) return 'output';
  if (element instanceof TerraformVariable) return 'variable';
  return 'element';
}
