/** IAM policy documents as Terraform `jsonencode` expressions, readable in the synthesized JSON. */
import { Fn } from 'cdktf';

/** One IAM policy statement, in the JSON form AWS reads. */
export interface Statement {
  /** Statement id, unique in the policy. @default - none */
  readonly Sid?: string;
  /** Whether the statement allows or denies. */
  readonly Effect: 'Allow' | 'Deny';
  /** IAM actions, e.g. `s3:GetObject`; keep them to what the application calls. */
  readonly Action: string | string[];
  /** ARNs the actions apply to; avoid `*` where the service supports resource ARNs. */
  readonly Resource: string | string[];
  /** Who the statement applies to (resource and trust policies only). @default - none: an identity policy */
  readonly Principal?: unknown;
  /** Condition operators and keys, e.g. `{ StringEquals: { 'aws:SourceAccount': '111122223333' } }`. @default - none */
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
