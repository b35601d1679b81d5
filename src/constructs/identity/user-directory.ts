import { CognitoIdentityProvider } from '@cdktf/provider-aws/lib/cognito-identity-provider';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { CognitoUserPoolDomain } from '@cdktf/provider-aws/lib/cognito-user-pool-domain';
import { Construct } from 'constructs';
import { checkName, type Names } from '../../core/naming';
import { type Protection, protectionOf } from '../../core/protection';
import { SignUpGuard } from './sign-up-guard';

export interface UserDirectoryProps {
  readonly names: Names;
  /** Hosted-UI prefix at `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
  /** Google OAuth client id (public). */
  readonly googleClientId: string;
  /** Google OAuth client secret: a sensitive variable's value, never a literal. */
  readonly googleClientSecret: string;
  /** Hostnames whose ALB rules authenticate here; each gets its `/oauth2/idpresponse` callback. */
  readonly callbackHostnames: readonly string[];
  /**
   * `deletionProtection` -> the user pool's `deletion_protection` (ACTIVE). `preventDestroy` is
   * not applied: the pool's own deletion protection already makes AWS refuse the delete.
   * @default - protected
   */
  readonly protection?: Protection;
  /** Who may sign up (through Google or otherwise): exact addresses. */
  readonly allowedEmails: readonly string[];
  /** Who may sign up: whole email domains. */
  readonly allowedEmailDomains: readonly string[];
  /** Retention of the sign-up guard's logs. */
  readonly logRetentionInDays: number;
}

/** Cognito user pool federated with Google, its hosted-UI domain and the app client the ALB uses. */
export class UserDirectory extends Construct {
  readonly userPool: CognitoUserPool;
  readonly client: CognitoUserPoolClient;
  readonly domain: CognitoUserPoolDomain;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    // Federation creates an account for any Google user on first login; the guard decides who may.
    const guard = new SignUpGuard(this, 'sign_up_guard', {
      names: props.names,
      allowedEmails: props.allowedEmails,
      allowedEmailDomains: props.allowedEmailDomains,
      logRetentionInDays: props.logRetentionInDays,
    });

    this.userPool = new CognitoUserPool(this, 'this', {
      name: props.names.of('users'),
      deletionProtection: protectionOf(props.protection).deletionProtection ? 'ACTIVE' : 'INACTIVE',
      usernameAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      // People arrive through Google; nobody signs up with a local password.
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      passwordPolicy: {
        minimumLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
        temporaryPasswordValidityDays: 3,
      },
      mfaConfiguration: 'OPTIONAL',
      softwareTokenMfaConfiguration: { enabled: true },
      accountRecoverySetting: { recoveryMechanism: [{ name: 'verified_email', priority: 1 }] },
      lambdaConfig: { preSignUp: guard.function.arn },
    });
    guard.allowInvokeFrom(this.userPool.arn);

    const google = new CognitoIdentityProvider(this, 'google', {
      userPoolId: this.userPool.id,
      providerName: 'Google',
      providerType: 'Google',
      providerDetails: {
        client_id: props.googleClientId,
        client_secret: props.googleClientSecret,
        authorize_scopes: 'openid email profile',
      },
      attributeMapping: { email: 'email', username: 'sub', name: 'name' },
    });

    this.domain = new CognitoUserPoolDomain(this, 'domain', {
      domain: checkName(props.domainPrefix, 'cognitoDomain'),
      userPoolId: this.userPool.id,
    });

    this.client = new CognitoUserPoolClient(this, 'alb_client', {
      name: props.names.of('alb'),
      userPoolId: this.userPool.id,
      generateSecret: true,
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ['code'],
      allowedOauthScopes: ['openid', 'email', 'profile'],
      callbackUrls: props.callbackHostnames.map((host) => `https://${host}/oauth2/idpresponse`),
      supportedIdentityProviders: [google.providerName],
      preventUserExistenceErrors: 'ENABLED',
      explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    });
  }
}
