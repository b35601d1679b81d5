/** Reusable field schemas whose error messages name the value and the fix. */
import { z } from 'zod';
import { imageTagProblem } from './image-tag';
import { parseCidr } from './cidr';

export { imageTagProblem };
export { FARGATE_MEMORY, fargateSizeProblem } from './task-sizes';

const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Why a DNS name is invalid, or undefined when it is valid. */
export function dnsNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > 253) return `is ${name.length} characters long; a DNS name has at most 253`;
  for (const label of name.split('.')) {
    if (label.length > 63) return `has the label "${label}" of ${label.length} characters; a DNS label has at most 63`;
    if (!LABEL.test(label)) return `has the label "${label}", which is not lowercase letters, digits and inner hyphens`;
  }
  if (!name.includes('.')) return 'has a single label; use a fully qualified name such as example.com';
  return undefined;
}

/** The domain one label up (`atlas.example.com` -> `example.com`), or undefined below two labels. */
export function parentDomain(name: string): string | undefined {
  const labels = name.split('.');
  return labels.length > 2 ? labels.slice(1).join('.') : undefined;
}

/** True when `name` is `domain` or a name inside it. */
export function isWithin(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}

export const dnsName = z.string().superRefine((value, ctx) => {
  const problem = dnsNameProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `${problem}. Fix: use a DNS name such as app.example.com` });
});

export const cidr = z.string().refine((value) => parseCidr(value) !== undefined, {
  error: 'is not a network-aligned IPv4 CIDR. Fix: write it as a.b.c.d/n with the host bits zero, e.g. 10.20.0.0/16',
});

export const slug = (maxLength: number) =>
  z
    .string()
    .regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, {
      error: 'must be lowercase letters, digits and hyphens, starting with a letter. Fix: e.g. "atlas-prod"',
    })
    .max(maxLength, { error: `is longer than ${maxLength} characters. Fix: shorten it` });

export const email = z.email({ error: 'is not a valid email address. Fix: use an address such as ops@example.com' });

/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const retentionInDays = z.number().refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
  error: `is not a CloudWatch Logs retention period. Fix: use one of ${LOG_RETENTION_DAYS.join(', ')}`,
});

export const awsRegion = z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, {
  error: 'is not an AWS region name. Fix: e.g. "eu-west-1"',
});

export const accountId = z.string().regex(/^\d{12}$/, { error: 'is not a 12-digit AWS account id. Fix: e.g. "111122223333"' });

export const imageTag = z.string().superRefine((value, ctx) => {
  const problem = imageTagProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `${problem.problem}. Fix: ${problem.fix}` });
});

/**
 * Why a public hostname cannot be served under `domain`, or undefined. The edge's certificate is
 * the wildcard `*.<domain>`, which covers exactly one label: `a.b.<domain>` would get a TLS error.
 */
export function hostnameUnderDomainProblem(host: string, domain: string): string | undefined {
  if (!host.endsWith(`.${domain}`)) return `is not under the domain ${domain}. Fix: use a name ending in .${domain}`;
  const label = host.slice(0, -(domain.length + 1));
  if (label.includes('.')) {
    return `is ${label.split('.').length} labels below ${domain}, and the certificate *.${domain} covers one. Fix: use one label, e.g. "${label.replace(/\./g, '-')}.${domain}"`;
  }
  return undefined;
}
