/**
 * Every hosted zone a stack creates must be reachable from the DNS tree before its certificate can
 * validate: either an operator delegates it at the registrar (from a documented output) or an NS
 * record in the graph delegates it from a parent zone another stack of the app creates.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { addPlatformStacks } from '../../src/app/platform-app';
import { ConfigError, ENVIRONMENTS, loadEnvironments } from '../../src/config/load';
import type { EnvironmentInput } from '../../src/config/schema';
import { synthJson, type Json } from '../helpers/synth';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The README section where the first deploy of an environment is described. */
function firstDeploySection(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('### First deploy of an environment');
  expect(start).toBeGreaterThan(-1);
  return readme.slice(start, readme.indexOf('\n## ', start));
}

describe('hosted zone delegation', () => {
  const envs = loadEnvironments(['staging', 'prod']);
  const app = Testing.app();
  const stacks = addPlatformStacks(app, envs);
  // No stack reads another's objects: the parent zone is looked up by name (a data source).
  const json = new Map<string, Json>(Object.values(stacks.baseInfra).map((stack) => [stack.node.id, synthJson(stack)]));
  const createdZones = [...json].flatMap(([stack, doc]) =>
    Object.entries((doc.resource?.aws_route53_zone ?? {}) as Record<string, Json>).map(([name, zone]) => ({ stack, address: `aws_route53_zone.${name}`, zone })),
  );

  it('finds the zones both environments create', () => {
    expect(createdZones.map((z) => z.zone.name).sort()).toEqual(['atlas.hari328.net', 'hari328.net']);
  });

  it.each(createdZones.map((z) => [z.zone.name, z] as const))('%s is delegated by the registrar step or by an NS record in its parent zone', (_name, { stack, address, zone }) => {
    const doc = json.get(stack)!;
    const nameServers = `\${${address}.name_servers}`;
    // The name servers are always an output, so the operator can check the delegation.
    const output = Object.entries((doc.output ?? {}) as Record<string, Json>).find(([, o]) => o.value === nameServers);
    expect(output).toBeDefined();
    const delegation = Object.values((doc.resource?.aws_route53_record ?? {}) as Record<string, Json>).find((r) => r.type === 'NS' && r.name === zone.name);
    if (!delegation) {
      // Registrar: the README's first-deploy steps name the output to copy.
      expect(firstDeploySection()).toContain(`\`${output![0]}\``);
      return;
    }
    // Parent zone: the record carries the zone's name servers into a zone looked up by the parent
    // name, which another stack of the app creates.
    expect(delegation.records).toBe(nameServers);
    const parentRef = /^\$\{data\.aws_route53_zone\.(\w+)\.zone_id\}$/.exec(delegation.zone_id);
    expect(parentRef).not.toBeNull();
    const parentName = doc.data.aws_route53_zone[parentRef![1]].name;
    expect(zone.name.endsWith(`.${parentName}`)).toBe(true);
    const owner = createdZones.find((z) => z.zone.name === parentName && z.stack !== stack);
    expect(owner).toBeDefined();
  });

  it('the certificate validation of a delegated zone waits for the delegation record', () => {
    const prod = json.get('base-infra-prod')!;
    expect(prod.resource.aws_acm_certificate_validation.dns_validation.depends_on).toEqual(['aws_route53_record.dns_delegation']);
  });
});

describe('dns.delegation', () => {
  const withDns = (name: 'staging' | 'prod', dns: Partial<EnvironmentInput['dns']>, aws?: Partial<EnvironmentInput['aws']>) => ({
    ...ENVIRONMENTS,
    [name]: { ...ENVIRONMENTS[name], dns: { ...ENVIRONMENTS[name].dns, ...dns }, aws: { ...ENVIRONMENTS[name].aws, ...aws } },
  });
  /** Prod moved onto staging's domain, its hostnames renamed to stay one label below it. */
  const prodOnStagingDomain = () => {
    const moved = JSON.parse(JSON.stringify(ENVIRONMENTS.prod).split('.atlas.hari328.net').join('-prod.hari328.net')) as EnvironmentInput;
    return { ...moved, dns: { domain: 'hari328.net', createHostedZone: true, delegation: 'registrar' as const } };
  };
  const problems = (known: Record<string, unknown>): string[] => {
    try {
      loadEnvironments(['staging', 'prod'], known);
    } catch (error) {
      if (error instanceof ConfigError) return [...error.problems];
      throw error;
    }
    return [];
  };

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'rejects a created zone without a delegation',
      withDns('staging', { delegation: undefined }),
      /staging: dns\.delegation = \(missing\) is missing for the created zone hari328\.net.*Fix: "registrar"/,
    ],
    [
      'rejects a delegation for a zone that is only looked up',
      withDns('staging', { createHostedZone: false }),
      /staging: dns\.delegation = "registrar" is set, but dns\.createHostedZone is false.*Fix: remove dns\.delegation/,
    ],
    [
      'rejects registrar delegation of a sub-zone of another environment',
      withDns('prod', { delegation: 'registrar' }),
      /prod: dns\.delegation = "registrar" for atlas\.hari328\.net, which is inside staging's domain hari328\.net.*Fix: "parent-zone"/,
    ],
    [
      'rejects parent-zone delegation into another account',
      withDns('prod', {}, { accountId: '444455556666' }),
      /prod: dns\.delegation = "parent-zone" needs the parent zone hari328\.net in this stack.s account 444455556666, but it is staging.s, in account 111122223333.*Fix: "parent-zone-manual"/,
    ],
    [
      'rejects parent-zone delegation of a registered domain (no parent below the TLD)',
      withDns('staging', { delegation: 'parent-zone' }),
      /staging: dns\.delegation = "parent-zone" needs a parent zone, but hari328\.net has no parent.*Fix: "registrar"/,
    ],
    ['rejects two environments creating one zone', { ...ENVIRONMENTS, prod: prodOnStagingDomain() }, /prod: dns\.domain = "hari328\.net" is also a zone staging creates.*Fix:/],
  ])('%s', (_label, known, expected) => {
    expect(problems(known).join('\n')).toMatch(expected);
  });

  it('accepts a manual parent-zone delegation across accounts, leaving the record to the operator', () => {
    const known = withDns('prod', { delegation: 'parent-zone-manual' }, { accountId: '444455556666' });
    expect(problems(known)).toEqual([]);
    const [, prod] = loadEnvironments(['staging', 'prod'], known);
    const app = Testing.app();
    const doc = synthJson(addPlatformStacks(app, [loadEnvironments(['staging'])[0], prod]).baseInfra.prod);
    expect(doc.resource.aws_route53_record.dns_delegation).toBeUndefined();
    expect(doc.output.hosted_zone_name_servers.description).toMatch(/add them as the NS record atlas\.hari328\.net in the zone of hari328\.net \(README "First deploy"\)/);
  });
});
