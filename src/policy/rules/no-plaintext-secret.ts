import { findPlaintextSecrets, isSecretLikeKey } from '../../config/secrets';
import { asObject, isExpression } from '../document';
import { decodeDocument } from '../hcl';
import type { StackRule, Violation } from '../types';

/** Provider attributes whose names look secret but hold settings or idempotency keys, not credentials. */
const SETTING_KEYS = new Set(['http_tokens', 'creation_token', 'client_token']);

/** `master_user_secret_kms_key_id`, `secret_name`: identifiers of a secret, not the secret itself. */
const IDENTIFIER_KEY = /_(arns?|ids?|names?)$/;

/** Key-based findings on settings and identifiers are noise; shape-based ones ("looks like a ...") always count. */
function isCredential(finding: { path: string; reason: string }): boolean {
  const key = finding.path.split('.').pop() ?? '';
  return finding.reason.startsWith('looks like') || !(SETTING_KEYS.has(key) || IDENTIFIER_KEY.test(key));
}

/** Sections of Terraform JSON a literal could sit in; `variable` only through its default. */
const SECTIONS = ['resource', 'data', 'provider', 'locals', 'output', 'module', 'variable'];

export const noPlaintextSecret: StackRule = {
  kind: 'stack',
  id: 'no-plaintext-secret',
  property: 'No literal secret anywhere in the synthesized configuration (sensitive variables and Secrets Manager references only).',
  publicIds: ['CKV_SECRET_*'],
  fix: 'pass the value as a sensitive Terraform variable (TF_VAR_...) or read it from Secrets Manager at runtime',
  check: ({ stack }) =>
    stack.documents.flatMap((doc) => [
      ...SECTIONS.flatMap((section) =>
        findPlaintextSecrets(expandDocuments(withoutMetadata(doc[section])), [section])
          .filter(isCredential)
          .map((f): Violation => ({ address: addressOf(f.path), problem: `${f.path} ${f.reason}` })),
      ),
      ...secretVariableDefaults(doc.variable),
    ]),
};

/** `variable "db_password" { default = "..." }`: the key is `default`, so the name must tell. */
function secretVariableDefaults(variables: unknown): Violation[] {
  return Object.entries(asObject(variables) ?? {}).flatMap(([name, body]) => {
    const fallback = asObject(body)?.default;
    if (!isSecretLikeKey(name) || typeof fallback !== 'string' || fallback === '' || isExpression(fallback)) return [];
    return [{ address: `variable.${name}`, problem: `variable.${name}.default is a literal value for a secret variable` }];
  });
}

/** `resource.aws_x.name.attr...` is reported at `aws_x.name`, like the other rules. */
function addressOf(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'resource') return parts.slice(1, 3).join('.');
  if (parts[0] === 'data') return parts.slice(0, 3).join('.');
  return parts.slice(0, 2).join('.');
}

function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  const object = asObject(value);
  if (!object) return value;
  return Object.fromEntries(Object.entries(object).filter(([key]) => key !== '//').map(([key, item]) => [key, withoutMetadata(item)]));
}

/** Looks inside `jsonencode(...)` documents too: a literal in a secret's JSON is still a literal. */
function expandDocuments(value: unknown): unknown {
  if (typeof value === 'string' && value.startsWith('${jsonencode(')) return decodeDocument(value) ?? value;
  if (Array.isArray(value)) return value.map(expandDocuments);
  const object = asObject(value);
  return object ? Object.fromEntries(Object.entries(object).map(([key, item]) => [key, expandDocuments(item)])) : value;
}
