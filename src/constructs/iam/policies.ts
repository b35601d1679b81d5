/** IAM policy documents as Terraform `jsonencode` expressions, readable in the synthesized JSON. */
import { Fn } from 'cdktf';

export interface Statement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Principal?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

export function policyDocument(statements: readonly Statement[]): string {
  return Fn.jsonencode({ Version: '2012-10-17', Statement: statements });
}

/** Trust policy for an AWS service principal such as `ecs-tasks.amazonaws.com`. */
export function assumeRolePolicy(service: string): string {
  return Fn.jsonencode({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });
}
