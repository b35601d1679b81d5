import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy';
import { EcrRepository as EcrRepositoryResource } from '@cdktf/provider-aws/lib/ecr-repository';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';

export interface EcrRepositoryProps {
  readonly repositoryName: string;
  /** Tagged images kept; older ones expire. @default 30 */
  readonly keepImages?: number;
}

/**
 * The URL ECR gives a repository, `<account>.dkr.ecr.<region>.amazonaws.com/<name>`: fixed by
 * account, region and name, so it is known as a plain string before the repository exists.
 */
export function ecrRepositoryUrl(accountId: string, region: string, repositoryName: string): string {
  // The China partition has its own DNS suffix.
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${accountId}.dkr.ecr.${region}.${domain}/${repositoryName}`;
}

/** ECR repository: immutable tags, scan on push, encrypted, lifecycle that bounds storage. */
export class EcrRepository extends Construct {
  readonly repository: EcrRepositoryResource;

  constructor(scope: Construct, id: string, props: EcrRepositoryProps) {
    super(scope, id);
    this.repository = new EcrRepositoryResource(this, 'this', {
      name: props.repositoryName,
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: 'AES256' }],
    });
    new EcrLifecyclePolicy(this, 'lifecycle', {
      repository: this.repository.name,
      policy: Fn.jsonencode({
        rules: [
          {
            rulePriority: 1,
            description: 'Expire untagged images after 7 days',
            selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 },
            action: { type: 'expire' },
          },
          {
            rulePriority: 2,
            description: `Keep the last ${props.keepImages ?? 30} images`,
            selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: props.keepImages ?? 30 },
            action: { type: 'expire' },
          },
        ],
      }),
    });
  }
}
