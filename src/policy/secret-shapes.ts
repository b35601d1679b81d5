/**
 * Credential shapes the pack finds inside any string of a stack, on top of the key-based detector
 * of src/config/secrets.ts: provider keys and tokens by their documented prefixes, private keys,
 * JWTs, credentials in URLs, and `KEY=value` / `key: value` pairs with a secret-like key inside
 * environment files, YAML and heredocs (user data, config templates).
 */
import { isSecretLikeKey } from '../config/secrets';

/** Detector name as Checkov's secrets framework calls it, and the shape. */
const SHAPES: ReadonlyArray<readonly [string, string, RegExp]> = [
  ['CKV_SECRET_2', 'AWS access key id', /\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA)[0-9A-Z]{16}\b/],
  ['CKV_SECRET_2', 'AWS secret access key', /aws_?secret_?(access_?)?key["']?\s*[=:]\s*["']?[A-Za-z0-9/+]{40}\b/i],
  ['CKV_SECRET_4', 'credential in a URL', /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"'$]+:[^\s:/@"'$]{3,}@[\w.-]+/i],
  ['CKV_SECRET_9', 'JSON Web Token', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
  ['CKV_SECRET_11', 'Mailchimp API key', /\b[0-9a-f]{32}-us[0-9]{1,2}\b/],
  ['CKV_SECRET_12', 'npm token', /\bnpm_[A-Za-z0-9]{36}\b/],
  ['CKV_SECRET_13', 'private key block', /-----BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?-----/],
  ['CKV_SECRET_14', 'Slack token', /\bxox[abposr]-[0-9A-Za-z-]{10,}/],
  ['CKV_SECRET_17', 'Stripe secret key', /\b[rs]k_live_[0-9a-zA-Z]{24,}\b/],
  ['CKV_SECRET_18', 'Twilio API key', /\bSK[0-9a-f]{32}\b/],
  ['CKV_SECRET_10', 'GitHub token', /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/],
  ['CKV_SECRET_10', 'GitLab token', /\bglpat-[A-Za-z0-9_-]{20,}\b/],
  ['CKV_SECRET_10', 'Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['CKV_SECRET_10', 'Google OAuth client secret', /\bGOCSPX-[\w-]{20,}/],
  ['CKV_SECRET_10', 'SendGrid API key', /\bSG\.[\w-]{22}\.[\w-]{43}\b/],
];

/** The ids of Checkov's secrets framework these shapes stand for. */
export const SECRET_IDS: readonly string[] = [...new Set(SHAPES.map(([id]) => id))].sort((a, b) => Number(a.split('_')[2]) - Number(b.split('_')[2]));

/** `DB_PASSWORD=hunter2`, `export API_TOKEN="abc"`, `password: hunter2` on a line of their own. */
const PAIR = /^\s*(?:export\s+|-\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[=:]\s*["']?([^\s"'#]+)/gm;

/** Values that point at a secret (or are no value at all) rather than being one. */
const NOT_A_VALUE = /^(\$|\{\{|arn:|<|%|null$|none$|true$|false$|""$|''$|\[|\{|\/|\.\.?\/)/i;

/** All shapes in one pattern: the pack runs in every synth, and most strings match none. */
const ANY_SHAPE = new RegExp(SHAPES.map(([, , shape]) => `(?:${shape.source})`).join('|'), 'i');

/** What secret `text` holds, or undefined. */
export function secretShape(text: string): string | undefined {
  if (ANY_SHAPE.test(text)) {
    for (const [, label, shape] of SHAPES) if (shape.test(text)) return `looks like a ${label}`;
  }
  // Pairs only in multi-line text (env files, YAML, heredocs): a single line is an ordinary value.
  if (!text.includes('\n')) return undefined;
  for (const [, key, value] of text.matchAll(PAIR)) {
    if (isSecretLikeKey(key) && !/_(arn|id|name|file|path)$/i.test(key) && value.length >= 4 && !NOT_A_VALUE.test(value)) {
      return `sets ${key} to a literal value`;
    }
  }
  return undefined;
}
