import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { handlerBundle, SignUpGuard } from '../../../src/constructs/identity/sign-up-guard';
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

describe('handlerBundle', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const code = fs.readFileSync(path.join(root, 'src', 'constructs', 'identity', 'sign-up-guard.handler.js'));

  it('writes an archive that unzip reads back byte for byte, stored, with the fixed 1980-01-01 timestamp', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-'));
    try {
      fs.writeFileSync(path.join(dir, 'bundle.zip'), handlerBundle(code));
      const listing = execFileSync(
        'python3',
        [
          '-c',
          'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2]); print(*[(i.filename, i.compress_type, i.date_time, oct(i.external_attr >> 16)) for i in z.infolist()])',
          path.join(dir, 'bundle.zip'),
          path.join(dir, 'out'),
        ],
        { encoding: 'utf8' },
      );
      expect(listing.trim()).toBe("('index.js', 0, (1980, 1, 1, 0, 0, 0), '0o100644')");
      expect(fs.readFileSync(path.join(dir, 'out', 'index.js'))).toEqual(code);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('depends on the code only: the same bytes in every time zone, other bytes for other code', () => {
    // The archive's DOS timestamps come from local-time getters, so each time zone runs in its own process.
    const digestIn = (tz: string) =>
      execFileSync(
        process.execPath,
        [
          '-r',
          './scripts/swc-register.js',
          '-e',
          "const { handlerBundle } = require('./src/constructs/identity/sign-up-guard'); process.stdout.write(require('crypto').createHash('sha256').update(handlerBundle(Buffer.from('exports.handler = 1;'))).digest('hex'))",
        ],
        { cwd: root, env: { ...process.env, TZ: tz }, encoding: 'utf8' },
      );
    const digests = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].map(digestIn);
    expect(new Set(digests).size).toBe(1);
    expect(digests[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(digests[0]).not.toBe(
      createHash('sha256')
        .update(handlerBundle(Buffer.from('exports.handler = 2;')))
        .digest('hex'),
    );
  });
});
