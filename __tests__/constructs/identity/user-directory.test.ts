import { UserDirectory } from '../../../src/constructs/identity/user-directory';
import { Names } from '../../../src/core/naming';
import { resource, synthJson } from '../../helpers/synth';
import { testStack } from '../../helpers/stack';

function synthDirectory(domainPrefix = 'test-auth', deletionProtection?: boolean) {
  const stack = testStack();
  new UserDirectory(stack, 'cognito', {
    names: new Names('test'),
    domainPrefix,
    googleClientId: 'id.apps.googleusercontent.com',
    googleClientSecret: '${var.google_client_secret}',
    callbackHostnames: ['grafana.example.com'],
    ...(deletionProtection === undefined ? {} : { protection: { deletionProtection } }),
    allowedEmails: ['ops@example.com'],
    allowedEmailDomains: ['example.com'],
    logRetentionInDays: 14,
  });
  return synthJson(stack);
}

describe('UserDirectory', () => {
  it('requires strong passwords, offers TOTP MFA and allows no self sign-up', () => {
    const pool = resource(synthDirectory(), 'aws_cognito_user_pool', 'cognito');
    expect(pool.password_policy).toMatchObject({ minimum_length: 12, require_symbols: true, require_numbers: true });
    expect(pool.mfa_configuration).toBe('OPTIONAL');
    expect(pool.admin_create_user_config.allow_admin_create_user_only).toBe(true);
  });

  it('signs in through Google only, with the code flow the ALB uses', () => {
    const client = resource(synthDirectory(), 'aws_cognito_user_pool_client', 'cognito_alb_client');
    expect(client.supported_identity_providers).toEqual(['${aws_cognito_identity_provider.cognito_google.provider_name}']);
    expect(client.allowed_oauth_flows).toEqual(['code']);
  });

  it('follows the deletion protection it is given, on by default', () => {
    expect(resource(synthDirectory('test-auth'), 'aws_cognito_user_pool', 'cognito').deletion_protection).toBe('ACTIVE');
    expect(resource(synthDirectory('test-auth', true), 'aws_cognito_user_pool', 'cognito').deletion_protection).toBe('ACTIVE');
    expect(resource(synthDirectory('test-auth', false), 'aws_cognito_user_pool', 'cognito').deletion_protection).toBe('INACTIVE');
  });

  it('lets the pre sign-up guard decide who may create an account, Google users included', () => {
    const json = synthDirectory();
    expect(resource(json, 'aws_cognito_user_pool', 'cognito').lambda_config).toEqual({ pre_sign_up: '${aws_lambda_function.cognito_sign_up_guard.arn}' });
    expect(resource(json, 'aws_lambda_permission', 'cognito_sign_up_guard_cognito_invoke')).toMatchObject({
      principal: 'cognito-idp.amazonaws.com',
      source_arn: '${aws_cognito_user_pool.cognito.arn}',
    });
    expect(resource(json, 'aws_lambda_function', 'cognito_sign_up_guard').environment.variables).toEqual({
      ALLOWED_EMAILS: 'ops@example.com',
      ALLOWED_EMAIL_DOMAINS: 'example.com',
    });
  });

  it('rejects a hosted-UI domain prefix over 63 characters', () => {
    expect(() => synthDirectory('a'.repeat(64))).toThrow(/Cognito domain prefix "a{64}" is 64 characters; AWS allows at most 63/);
  });
});
