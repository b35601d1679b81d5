import { UserDirectory } from '../../../src/constructs/identity/user-directory';
import { Names } from '../../../src/core/naming';
import { resource, synthJson } from '../../helpers/synth';
import { testStack } from '../../helpers/stack';

function synthDirectory(domainPrefix = 'test-auth', deletionProtection = false) {
  const stack = testStack();
  new UserDirectory(stack, 'cognito', {
    names: new Names('test'),
    domainPrefix,
    googleClientId: 'id.apps.googleusercontent.com',
    googleClientSecret: '${var.google_client_secret}',
    callbackHostnames: ['grafana.example.com'],
    deletionProtection,
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

  it('follows the deletion protection it is given', () => {
    expect(resource(synthDirectory('test-auth', true), 'aws_cognito_user_pool', 'cognito').deletion_protection).toBe('ACTIVE');
    expect(resource(synthDirectory('test-auth', false), 'aws_cognito_user_pool', 'cognito').deletion_protection).toBe('INACTIVE');
  });

  it('rejects a hosted-UI domain prefix over 63 characters', () => {
    expect(() => synthDirectory('a'.repeat(64))).toThrow(/Cognito domain prefix "a{64}" is 64 characters; AWS allows at most 63/);
  });
});
