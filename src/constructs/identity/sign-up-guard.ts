import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { AssetType, Fn, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { zipSync } from 'fflate';
import type { Names } from '../../core/naming';
import { assumeRolePolicy, policyDocument } from '../iam/policies';
import { PropsError } from '../../core/input-error';

export interface SignUpGuardProps {
  readonly names: Names;
  /** Addresses that may sign up (lowercase compared). */
  readonly allowedEmails: readonly string[];
  /** Email domains whose addresses may sign up. */
  readonly allowedEmailDomains: readonly string[];
  readonly logRetentionInDays: number;
}

/** Lambda for Cognito's pre sign-up trigger that admits only the listed emails and domains. */
export class SignUpGuard extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: SignUpGuardProps) {
    super(scope, id);
    if (props.allowedEmails.length === 0 && props.allowedEmailDomains.length === 0) {
      throw new PropsError({
        subject: 'SignUpGuard',
        field: 'allowedEmails',
        value: props.allowedEmails,
        problem: 'and allowedEmailDomains are both empty, so nobody could sign up',
        fix: 'list at least one email or domain',
      });
    }
    const name = props.names.of('sign-up-guard');
    const logGroup = new CloudwatchLogGroup(this, 'logs', { name: `/aws/lambda/${name}`, retentionInDays: props.logRetentionInDays });
    const role = new IamRole(this, 'role', { name: props.names.of('sign-up-guard', 'iamRole'), assumeRolePolicy: assumeRolePolicy('lambda.amazonaws.com') });
    new IamRolePolicy(this, 'role_policy', {
      role: role.id,
      name: 'write-logs',
      policy: policyDocument([{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroup.arn}:*` }]),
    });

    const bundle = new TerraformAsset(this, 'bundle', { path: writeBundle(), type: AssetType.FILE });
    this.function = new LambdaFunction(this, 'this', {
      functionName: name,
      description: 'Cognito pre sign-up: admits only the allow-listed emails and domains',
      role: role.arn,
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      filename: bundle.path,
      sourceCodeHash: Fn.filebase64sha256(bundle.path),
      timeout: 5,
      memorySize: 128,
      environment: {
        variables: {
          ALLOWED_EMAILS: [...props.allowedEmails].sort().join(','),
          ALLOWED_EMAIL_DOMAINS: [...props.allowedEmailDomains].sort().join(','),
        },
      },
      dependsOn: [logGroup],
    });
  }

  /** Lets the user pool call the trigger. */
  allowInvokeFrom(userPoolArn: string): void {
    new LambdaPermission(this, 'cognito_invoke', {
      statementId: 'AllowCognitoPreSignUp',
      action: 'lambda:InvokeFunction',
      functionName: this.function.functionName,
      principal: 'cognito-idp.amazonaws.com',
      sourceArn: userPoolArn,
    });
  }
}

/**
 * Every entry's timestamp: 1980-01-01 00:00, the earliest DOS date. fflate writes the DOS date
 * from the local-time getters of `mtime`, so it is built from local-time parts: the same header
 * bytes in every time zone (a fixed UTC instant would shift with TZ).
 */
const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);
/** `-rw-r--r--` regular file, as a Unix zip tool records it (external attributes, high 16 bits). */
const ZIP_FILE_ATTRS = (0o100644 << 16) >>> 0;

/**
 * The Lambda bundle: the handler as `index.js`, stored (not deflated) with a fixed timestamp and
 * fixed attributes, so its bytes, and the Lambda's source_code_hash, depend on the handler alone:
 * two synths, on any machine, produce the same file and no spurious plan diff. Stored also keeps
 * the bytes independent of the deflate implementation of a future fflate version.
 */
export function handlerBundle(code: Uint8Array): Buffer {
  return Buffer.from(zipSync({ 'index.js': [code, { level: 0, mtime: ZIP_MTIME, os: 3, attrs: ZIP_FILE_ATTRS }] }));
}

/** The handler zipped deterministically, in a temp path named by its content. */
function writeBundle(): string {
  const code = fs.readFileSync(path.join(__dirname, 'sign-up-guard.handler.js'));
  const zip = handlerBundle(code);
  const digest = crypto.createHash('sha256').update(zip).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), 'atlas-platform-assets', digest, 'sign-up-guard.zip');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, zip);
  }
  return file;
}
