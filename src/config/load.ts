/** Loads and validates environment configuration once, at the boundary, before anything is synthesized. */
import type { z } from 'zod';
import { ConfigError, type InputProblem } from '../core/input-error';
import { prod } from './prod';
import { isWithin, parentDomain } from './rules';
import { environmentSchema, routeHostnames, type EnvironmentConfig, type EnvironmentInput } from './schema';
import { findPlaintextSecrets } from './secrets';
import { staging } from './staging';

/** Every environment the app knows, by the name used in stack names (`base-infra-<name>`). */
export const ENVIRONMENTS: Readonly<Record<string, EnvironmentInput>> = { staging, prod };

/** Invalid configuration: each problem names the field, the value and the fix. */
export { ConfigError };

/** Throws one ConfigError listing every problem, if there is any. */
function failOn(problems: readonly InputProblem[]): void {
  if (problems.length > 0) throw new ConfigError(problems);
}

/** Validates one environment's raw data. */
export function parseEnvironment(name: string, input: unknown): EnvironmentConfig {
  const secrets = findPlaintextSecrets(input);
  failOn(
    secrets.map((s) => ({
      subject: name,
      field: s.path,
      problem: `${s.reason}, a plaintext secret`,
      fix: 'remove it from the config and pass it as a sensitive Terraform variable (TF_VAR_...) or a Secrets Manager ARN',
    })),
  );
  const result = environmentSchema.safeParse(input);
  if (!result.success) throw new ConfigError(result.error.issues.flatMap((issue) => describeIssue(name, input, issue)));
  return { ...result.data, name };
}

/** Looks an environment up by name and validates it. */
export function loadEnvironment(name: string, known: Readonly<Record<string, unknown>> = ENVIRONMENTS): EnvironmentConfig {
  if (!Object.prototype.hasOwnProperty.call(known, name)) {
    const valid = Object.keys(known).join(', ');
    throw new ConfigError([{ field: 'environment', value: name, problem: 'is not a known environment', fix: `use one of ${valid}` }]);
  }
  return parseEnvironment(name, known[name]);
}

/**
 * Loads several environments and checks what they must agree on: one state backend (one
 * bootstrap stack), and distinct name and SSM prefixes when they share an AWS account.
 */
export function loadEnvironments(names: readonly string[] = Object.keys(ENVIRONMENTS), known: Readonly<Record<string, unknown>> = ENVIRONMENTS): EnvironmentConfig[] {
  const envs = names.map((name) => loadEnvironment(name, known));
  const problems: InputProblem[] = [];
  envs.forEach((env, i) => {
    for (const other of envs.slice(0, i)) {
      if (JSON.stringify(env.state) !== JSON.stringify(other.state)) {
        problems.push({
          subject: env.name,
          field: 'state',
          value: env.state,
          problem: `differs from ${other.name}'s`,
          fix: 'every environment uses the one state backend the bootstrap stack creates',
        });
      }
      if (env.aws.accountId !== other.aws.accountId) continue;
      if (env.ssmPrefix === other.ssmPrefix) {
        problems.push({
          subject: env.name,
          field: 'ssmPrefix',
          value: env.ssmPrefix,
          problem: `is also ${other.name}'s, in the same account ${env.aws.accountId}`,
          fix: `give each environment its own prefix, e.g. "/${env.namePrefix}/infra"`,
        });
      }
      if (env.namePrefix === other.namePrefix) {
        problems.push({ subject: env.name, field: 'namePrefix', value: env.namePrefix, problem: `is also ${other.name}'s, in the same account`, fix: 'give each environment its own prefix' });
      }
    }
  });
  problems.push(...zoneProblems(envs), ...sharedHostnameProblems(envs));
  failOn(problems);
  return envs;
}

/**
 * Environments with separate ALBs that route one hostname: DNS can point the name at one of them
 * only, so the other environment's service is silently unreachable under it.
 */
function sharedHostnameProblems(envs: readonly EnvironmentConfig[]): InputProblem[] {
  const problems: InputProblem[] = [];
  envs.forEach((env, i) => {
    for (const other of envs.slice(0, i)) {
      const theirs = new Map(routeHostnames(other).map(([field, host]) => [host, field]));
      for (const [field, host] of routeHostnames(env)) {
        const clash = theirs.get(host);
        if (clash) {
          problems.push({
            subject: env.name,
            field,
            value: host,
            problem: `is also ${other.name}'s ${clash}; one name can point at one environment's load balancer only`,
            fix: 'give each environment its own hostnames (under its own dns.domain)',
          });
        }
      }
    }
  });
  return problems;
}

/**
 * Zones the environments create must each be delegated by someone: a zone inside another
 * environment's domain cannot be delegated at a registrar, and the stack can write the NS record
 * into its parent zone only when that zone is in its own account.
 */
function zoneProblems(envs: readonly EnvironmentConfig[]): InputProblem[] {
  const problems: InputProblem[] = [];
  envs.forEach((env, i) => {
    const { domain, createHostedZone, delegation } = env.dns;
    if (!createHostedZone) return;
    for (const other of envs.filter((o) => o !== env)) {
      if (other.dns.createHostedZone && other.dns.domain === domain && envs.indexOf(other) < i) {
        problems.push({
          subject: env.name,
          field: 'dns.domain',
          value: domain,
          problem: `is also a zone ${other.name} creates: two zones of one name, and only one can be delegated`,
          fix: 'set dns.createHostedZone to false in one of them (it then looks the zone up), or give each its own domain',
        });
      }
      const outer = other.dns.domain;
      if (delegation === 'registrar' && isWithin(domain, outer) && domain !== outer) {
        problems.push({
          subject: env.name,
          field: 'dns.delegation',
          value: delegation,
          problem: `for ${domain}, which is inside ${other.name}'s domain ${outer}: a registrar delegates only the registered domain, so the NS record belongs in the parent zone`,
          fix: '"parent-zone" (parent zone in the same account) or "parent-zone-manual"',
        });
      }
      if (delegation === 'parent-zone' && parentDomain(domain) === outer && other.aws.accountId !== env.aws.accountId) {
        problems.push({
          subject: env.name,
          field: 'dns.delegation',
          value: delegation,
          problem: `needs the parent zone ${outer} in this stack's account ${env.aws.accountId}, but it is ${other.name}'s, in account ${other.aws.accountId}`,
          fix: '"parent-zone-manual" and add the NS record by hand (README "First deploy"), or keep both zones in one account',
        });
      }
    }
  });
  return problems;
}

/** The environments selected by ATLAS_ENVIRONMENTS (comma separated), or all of them. */
export function selectedEnvironmentNames(variables: NodeJS.ProcessEnv): string[] {
  const raw = variables.ATLAS_ENVIRONMENTS?.trim();
  return raw
    ? raw
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
    : Object.keys(ENVIRONMENTS);
}

function describeIssue(env: string, input: unknown, issue: z.core.$ZodIssue): InputProblem[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const where = path.length > 0 ? `${path.join('.')}.` : '';
    return issue.keys.map((key) => ({ subject: env, field: `${where}${key}`, problem: 'is not a known field', fix: 'remove it or correct its spelling' }));
  }
  const value = valueAt(input, path);
  // The schema's own messages are written "<problem>. Fix: <fix>"; zod's built-in ones have no fix.
  const [problem, fix = value === undefined ? 'add the field' : 'correct the value'] = issue.message.split(SCHEMA_FIX, 2);
  return [{ subject: env, field: path.join('.') || '(root)', value, problem, fix }];
}

/** Where a schema message's problem ends and its fix begins. */
const SCHEMA_FIX = '. Fix: ';

function valueAt(input: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), input);
}
