/**
 * Detection of plaintext secrets in configuration data. Secrets reach the platform as sensitive
 * Terraform variables or Secrets Manager references, never as literal values in the repository.
 */

/** Keys whose value would be a credential if it were a literal. */
const SECRET_KEY = /(secret|password|passwd|token|private[-_]?key|api[-_]?key|credential)/i;

/** Values that are references to a secret rather than the secret itself. */
const SECRET_REFERENCE = /^(arn:aws[\w-]*:(secretsmanager|ssm|kms):|var\.|\$\{|TF_VAR_|\{\{resolve:)/;

/** Well-known credential shapes, whatever the key they sit under. */
const SECRET_SHAPES: ReadonlyArray<[string, RegExp]> = [
  ['AWS access key id', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['private key block', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['Google OAuth client secret', /\bGOCSPX-[\w-]{20,}/],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{30,}\b/],
];

/** True when a key or variable name would hold a credential if its value were a literal. */
export function isSecretLikeKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export interface SecretFinding {
  /** Dotted path of the offending value, e.g. `identity.googleClientSecret`. */
  readonly path: string;
  readonly reason: string;
}

/** Walks any JSON-like value and reports literal secrets. */
export function findPlaintextSecrets(value: unknown, path: string[] = []): SecretFinding[] {
  if (typeof value === 'string') return inspectString(value, path);
  if (Array.isArray(value)) return value.flatMap((item, i) => findPlaintextSecrets(item, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findPlaintextSecrets(item, [...path, key]));
  }
  return [];
}

function inspectString(value: string, path: string[]): SecretFinding[] {
  const where = path.join('.');
  for (const [label, shape] of SECRET_SHAPES) {
    if (shape.test(value)) return [{ path: where, reason: `looks like a ${label}` }];
  }
  const key = path[path.length - 1] ?? '';
  if (SECRET_KEY.test(key) && value.length > 0 && !SECRET_REFERENCE.test(value)) {
    return [{ path: where, reason: `"${key}" holds a literal value` }];
  }
  return [];
}
