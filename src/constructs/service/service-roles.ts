import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import type { Names } from '../../core/naming';
import { managedPolicyArn } from '../../core/partition';
import { assumeRolePolicy, policyDocument, type Statement } from '../iam/policies';

export interface ServiceRolesProps {
  readonly names: Names;
  readonly serviceName: string;
  /** Log group the execution role writes container logs to. */
  readonly logGroupArn: string;
  /** Secrets Manager / SSM ARNs injected as container secrets; only these are readable. */
  readonly secretArns: readonly string[];
  /** What the application itself may do. @default - nothing */
  readonly taskStatements?: readonly Statement[];
}

/** Execution role (pull image, write logs, read the listed secrets) and a least-privilege task role. */
export class ServiceRoles extends Construct {
  readonly executionRole: IamRole;
  readonly taskRole: IamRole;

  constructor(scope: Construct, id: string, props: ServiceRolesProps) {
    super(scope, id);
    const { names, serviceName } = props;

    this.executionRole = new IamRole(this, 'execution', {
      name: names.of(`${serviceName}-exec`, 'iamRole'),
      assumeRolePolicy: assumeRolePolicy('ecs-tasks.amazonaws.com'),
    });
    new IamRolePolicyAttachment(this, 'execution_managed', {
      role: this.executionRole.name,
      policyArn: managedPolicyArn(this, 'service-role/AmazonECSTaskExecutionRolePolicy'),
    });
    const secretStatements: Statement[] = props.secretArns.length
      ? [{ Sid: 'ReadInjectedSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'ssm:GetParameters'], Resource: secretBaseArns(props.secretArns) }]
      : [];
    new IamRolePolicy(this, 'execution_policy', {
      role: this.executionRole.id,
      name: 'logs-and-secrets',
      policy: policyDocument([{ Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${props.logGroupArn}:*` }, ...secretStatements]),
    });

    this.taskRole = new IamRole(this, 'task', {
      name: names.of(`${serviceName}-task`, 'iamRole'),
      assumeRolePolicy: assumeRolePolicy('ecs-tasks.amazonaws.com'),
    });
    if (props.taskStatements?.length) {
      new IamRolePolicy(this, 'task_policy', {
        role: this.taskRole.id,
        name: 'application',
        policy: policyDocument(props.taskStatements),
      });
    }
  }
}

/** `arn:...:secret:name-AbCdEf:json-key::` names a key inside a secret; IAM wants the secret's ARN. */
function secretBaseArns(arns: readonly string[]): string[] {
  return [...new Set(arns.map((arn) => arn.replace(/^(arn:[^:]+:secretsmanager:[^:]+:[^:]+:secret:[^:]+):.*$/, '$1')))];
}
