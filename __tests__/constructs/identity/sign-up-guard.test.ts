import { SignUpGuard } from '../../../src/constructs/identity/sign-up-guard';
import { Names } from '../../../src/core/naming';
import { resource, synthJson } from '../../helpers/synth';
import { testStack } from '../../helpers/stack';
import { PropsError } from '../../../src/core/input-error';
import { expectInputError } from '../../helpers/input-error';

const { handler } = require('../../../src/constructs/identity/sign-up-guard.handler.js');

function signUp(email: string) {
  return handler({ triggerSource: 'PreSignUp_ExternalProvider', request: { userAttributes: { email } }, response: {} });
}

describe('sign-up guard handler', () => {
  beforeEach(() => {
    process.env.ALLOWED_EMAILS = 'friend@gmail.com';
    process.env.ALLOWED_EMAIL_DOMAINS = 'example.com';
  });

  it('admits a listed email and any email of a listed domain, ignoring case', async () => {
    await expect(signUp('Friend@Gmail.com')).resolves.toMatchObject({ request: { userAttributes: { email: 'Friend@Gmail.com' } } });
    await expect(signUp('ops@example.com')).resolves.toBeDefined();
  });

  it('refuses everyone else, look-alike domains and missing emails included', async () => {
    await expect(signUp('stranger@gmail.com')).rejects.toThrow(/not allowed to sign in/);
    await expect(signUp('ops@evil-example.com')).rejects.toThrow(/not allowed/);
    await expect(signUp('ops@example.com.evil.org')).rejects.toThrow(/not allowed/);
    await expect(signUp('')).rejects.toThrow(/not allowed/);
  });
});

describe('SignUpGuard', () => {
  function synthGuard() {
    const stack = testStack();
    new SignUpGuard(stack, 'guard', { names: new Names('test'), allowedEmails: ['a@example.com'], allowedEmailDomains: [], logRetentionInDays: 14 });
    return synthJson(stack);
  }

  it('ships the handler as a content-addressed asset, hashed for Terraform', () => {
    const fn = resource(synthGuard(), 'aws_lambda_function', 'guard');
    expect(fn).toMatchObject({ runtime: 'nodejs20.x', handler: 'index.handler' });
    expect(fn.filename).toMatch(/^assets\/guard_bundle\/[A-F0-9]{32}\/sign-up-guard\.zip$/);
    expect(fn.source_code_hash).toBe(`\${filebase64sha256("${fn.filename}")}`);
    expect(resource(synthGuard(), 'aws_lambda_function', 'guard').filename).toBe(fn.filename);
  });

  it('rejects an empty allow list, which would lock everyone out', () => {
    const stack = testStack();
    expectInputError(
      PropsError,
      () => new SignUpGuard(stack, 'guard', { names: new Names('test'), allowedEmails: [], allowedEmailDomains: [], logRetentionInDays: 14 }),
      /allowedEmails = \[\] and allowedEmailDomains are both empty.*Fix: list at least one email or domain/,
    );
  });
});
