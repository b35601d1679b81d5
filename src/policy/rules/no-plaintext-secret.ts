import { findPlaintextSecrets, isSecretLikeKey } from '../../config/secrets';
import { asObject, firstOf, isExpression, type StackDocument } from '../../terraform-json/document';
import { decodeDocument } from '../../terraform-json/decode';
import { SECRET_IDS, secretShape } from '../secret-shapes';
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
  property:
    'No literal secret anywhere in the synthesized configuration (sensitive variables and Secrets Manager references only): provider keys, tokens, private keys, JWTs, URL credentials, and secret-named keys, also inside jsonencode documents, environment files, YAML and heredocs.',
  publicIds: SECRET_IDS,
  fix: 'pass the value as a sensitive Terraform variable (TF_VAR_...) or read it from Secrets Manager at runtime',
  check: ({ stack }) =>
    stack.documents.flatMap((doc) => [
      ...SECTIONS.flatMap((section) => {
        const content = expandDocuments(withoutMetadata(doc[section]), stack);
        const byKey = findPlaintextSecrets(content, [section]).filter(isCredential);
        const seen = new Set(byKey.map((f) => f.path));
        const byShape = stringsOf(content, [section]).flatMap(([path, text]) => {
          const reason = seen.has(path) ? undefined : secretShape(text);
          return reason ? [{ path, reason }] : [];
        });
        return [...byKey, ...byShape].map((f): Violation => ({ address: addressOf(f.path), problem: `${f.path} ${f.reason}` }));
      }),
      ...secretVariableDefaults(doc.variable),
    ]),
};

/** Every string of a value with its dotted path. */
function stringsOf(value: unknown, path: string[]): [string, string][] {
  if (typeof value === 'string') return [[path.join('.'), value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, [...path, String(i)]));
  const object = asObject(value);
  return object ? Object.entries(object).flatMap(([key, item]) => stringsOf(item, [...path, key])) : [];
}

/** `variable "db_password" { default = "..." }`: the key is `default`, so the name must tell. */
function secretVariableDefaults(variables: unknown): Violation[] {
  return Object.entries(asObject(variables) ?? {}).flatMap(([name, body]) => {
    const fallback = asObject(firstOf(body))?.default;
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
  return Object.fromEntries(
    Object.entries(object)
      .filter(([key]) => key !== '//')
      .map(([key, item]) => [key, withoutMetadata(item)]),
  );
}

/** Looks inside `jsonencode(...)` documents too: a literal in a secret's JSON is still a literal. */
function expandDocuments(value: unknown, stack: StackDocument): unknown {
  if (typeof value === 'string' && value.startsWith('${jsonencode(')) return decodeDocument(value, stack) ?? value;
  if (Array.isArray(value)) return value.map((item) => expandDocuments(item, stack));
  const object = asObject(value);
  return object ? Object.fromEntries(Object.entries(object).map(([key, item]) => [key, expandDocuments(item, stack)])) : value;
}
