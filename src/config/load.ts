/** Loads and validates environment configuration once, at the boundary, before anything is synthesized. */
import type { z } from 'zod';
import { prod } from './prod';
import { isWithin, parentDomain } from './rules';
import { environmentSchema, routeHostnames, type EnvironmentConfig, type EnvironmentInput } from './schema';
import { findPlaintextSecrets } from './secrets';
import { staging } from './staging';

/** Every environment the app knows, by the name used in stack names (`base-infra-<name>`). */
export const ENVIRONMENTS: Readonly<Record<string, EnvironmentInput>> = { staging, prod };

/** Invalid configuration: each problem names the field, the value and the fix. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration (nothing was written):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates one environment's raw data. */
export function parseEnvironment(name: string, input: unknown): EnvironmentConfig {
  const secrets = findPlaintextSecrets(input);
  if (secrets.length > 0) {
    throw new ConfigError(
      secrets.map(
        (s) =>
          `${name}: ${s.path} ${s.reason}, a plaintext secret. Fix: remove it from the config and pass it as a sensitive ` +
          'Terraform variable (TF_VAR_...) or a Secrets Manager ARN',
      ),
    );
  }
  const result = environmentSchema.safeParse(input);
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => describeIssue(name, input, issue)));
  return { ...result.data, name };
}

/** Looks an environment up by name and validates it. */
export function loadEnvironment(name: string, known: Readonly<Record<string, unknown>> = ENVIRONMENTS): EnvironmentConfig {
  if (!Object.prototype.hasOwnProperty.call(known, name)) {
    const valid = Object.keys(known).join(', ');
    throw new ConfigError([`environment = ${JSON.stringify(name)} is not a known environment. Fix: use one of ${valid}`]);
  }
  return parseEnvironment(name, known[name]);
}

/**
 * Loads several environments and checks what they must agree on: one state backend (one
 * bootstrap stack), and distinct name and SSM prefixes when they share an AWS account.
 */
export function loadEnvironments(
  names: readonly string[] = Object.keys(ENVIRONMENTS),
  known: Readonly<Record<string, unknown>> = ENVIRONMENTS,
): EnvironmentConfig[] {
  const envs = names.map((name) => loadEnvironment(name, known));
  const problems: string[] = [];
  envs.forEach((env, i) => {
    for (const other of envs.slice(0, i)) {
      if (JSON.stringify(env.state) !== JSON.stringify(other.state)) {
        problems.push(`${env.name}: state = ${JSON.stringify(env.state)} differs from ${other.name}'s. Fix: every environment uses the one state backend the bootstrap stack creates`);
      }
      if (env.aws.accountId !== other.aws.accountId) continue;
      if (env.ssmPrefix === other.ssmPrefix) {
        problems.push(`${env.name}: ssmPrefix = "${env.ssmPrefix}" is also ${other.name}'s, in the same account ${env.aws.accountId}. Fix: give each environment its own prefix, e.g. "/${env.namePrefix}/infra"`);
      }
      if (env.namePrefix === other.namePrefix) {
        problems.push(`${env.name}: namePrefix = "${env.namePrefix}" is also ${other.name}'s, in the same account. Fix: give each environment its own prefix`);
      }
    }
  });
  problems.push(...zoneProblems(envs), ...sharedHostnameProblems(envs));
  if (problems.length > 0) throw new ConfigError(problems);
  return envs;
}

/**
 * Environments with separate ALBs that route one hostname: DNS can point the name at one of them
 * only, so the other environment's service is silently unreachable under it.
 */
function sharedHostnameProblems(envs: readonly EnvironmentConfig[]): string[] {
  const problems: string[] = [];
  envs.forEach((env, i) => {
    for (const other of envs.slice(0, i)) {
      const theirs = new Map(routeHostnames(other).map(([field, host]) => [host, field]));
      for (const [field, host] of routeHostnames(env)) {
        const clash = theirs.get(host);
        if (clash) problems.push(`${env.name}: ${field} = "${host}" is also ${other.name}'s ${clash}; one name can point at one environment's load balancer only. Fix: give each environment its own hostnames (under its own dns.domain)`);
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
function zoneProblems(envs: readonly EnvironmentConfig[]): string[] {
  const problems: string[] = [];
  envs.forEach((env, i) => {
    const { domain, createHostedZone, delegation } = env.dns;
    if (!createHostedZone) return;
    for (const other of envs.filter((o) => o !== env)) {
      if (other.dns.createHostedZone && other.dns.domain === domain && envs.indexOf(other) < i) {
        problems.push(`${env.name}: dns.domain = "${domain}" is also a zone ${other.name} creates: two zones of one name, and only one can be delegated. Fix: set dns.createHostedZone to false in one of them (it then looks the zone up), or give each its own domain`);
      }
      const outer = other.dns.domain;
      if (delegation === 'registrar' && isWithin(domain, outer) && domain !== outer) {
        problems.push(`${env.name}: dns.delegation = "registrar" for ${domain}, which is inside ${other.name}'s domain ${outer}: a registrar delegates only the registered domain, so the NS record belongs in the parent zone. Fix: "parent-zone" (parent zone in the same account) or "parent-zone-manual"`);
      }
      if (delegation === 'parent-zone' && parentDomain(domain) === outer && other.aws.accountId !== env.aws.accountId) {
        problems.push(`${env.name}: dns.delegation = "parent-zone", but the parent zone ${outer} is ${other.name}'s, in account ${other.aws.accountId}, and this stack can write only into ${env.aws.accountId}. Fix: "parent-zone-manual" and add the NS record by hand (README "First deploy"), or keep both zones in one account`);
      }
    }
  });
  return problems;
}

/** The environments selected by ATLAS_ENVIRONMENTS (comma separated), or all of them. */
export function selectedEnvironmentNames(variables: NodeJS.ProcessEnv): string[] {
  const raw = variables.ATLAS_ENVIRONMENTS?.trim();
  return raw ? raw.split(',').map((n) => n.trim()).filter(Boolean) : Object.keys(ENVIRONMENTS);
}

function describeIssue(env: string, input: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const where = path.length > 0 ? `${path.join('.')}.` : '';
    return issue.keys
      .map((key) => `${env}: ${where}${key} is not a known field. Fix: remove it or correct its spelling`)
      .join('\n  - ');
  }
  const value = valueAt(input, path);
  const shown = value === undefined ? '(missing)' : JSON.stringify(value);
  const fix = /Fix:/.test(issue.message) ? '' : `. Fix: ${value === undefined ? 'add the field' : 'correct the value'}`;
  return `${env}: ${path.join('.') || '(root)'} = ${shown} ${issue.message}${fix}`;
}

function valueAt(input: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    input,
  );
}
