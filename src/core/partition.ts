/**
 * The AWS partition (`aws`, `aws-cn`, `aws-us-gov`) of a stack's provider, for the ARNs the code
 * builds itself: the configured region decides it, so no ARN may say `arn:aws:` literally.
 */
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';

/** Id (and, in a PlatformStack, address `data.aws_partition.partition`) of the one partition data source per stack. */
const PARTITION_ID = 'partition';

/**
 * The partition of the stack `scope` belongs to, as a Terraform reference. The first caller in a
 * stack adds its one `aws_partition` data source (resolved by the provider, no API call); later
 * callers share it, so a stack that builds no ARN has none.
 */
export function awsPartition(scope: Construct): string {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(PARTITION_ID);
  const data = existing instanceof DataAwsPartition ? existing : new DataAwsPartition(stack, PARTITION_ID, {});
  return data.partition;
}

/** ARN of an AWS managed IAM policy, e.g. `service-role/AmazonECSTaskExecutionRolePolicy`, in the stack's partition. */
export function managedPolicyArn(scope: Construct, name: string): string {
  return `arn:${awsPartition(scope)}:iam::aws:policy/${name}`;
}
