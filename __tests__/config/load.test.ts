import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, ENVIRONMENTS, loadEnvironment, loadEnvironments, parseEnvironment, selectedEnvironmentNames } from '../../src/config/load';
import type { EnvironmentInput } from '../../src/config/schema';

/** A deep copy of staging with one change applied. */
function stagingWith(change: (env: EnvironmentInput) => void): EnvironmentInput {
  const copy = structuredClone<EnvironmentInput>(ENVIRONMENTS.staging);
  change(copy);
  return copy;
}

function problemsOf(input: unknown): string[] {
  try {
    parseEnvironment('staging', input);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('environment configuration', () => {
  it('accepts both committed environments', () => {
    const [staging, prod] = loadEnvironments(['staging', 'prod']);
    expect(staging.name).toBe('staging');
    expect(prod.name).toBe('prod');
  });

  it('keeps the naming of the deployment staging reproduces', () => {
    const staging = loadEnvironment('staging');
    expect(staging.environment).toBe('dev');
    expect(staging.namePrefix).toBe('poc-atlas-dev');
  });

  it('rejects an unknown environment name and lists the valid ones', () => {
    expect(() => loadEnvironment('qa')).toThrow(/environment = "qa" is not a known environment\. Fix: use one of staging, prod/);
  });

  it.each<[string, (env: EnvironmentInput) => void, RegExp]>([
    [
      'an invalid CIDR',
      (e) => {
        e.network.vpcCidr = '10.20.0.0/33';
      },
      /network\.vpcCidr = "10\.20\.0\.0\/33" is not a network-aligned IPv4 CIDR\. Fix:/,
    ],
    [
      'a CIDR with host bits set',
      (e) => {
        e.network.vpcCidr = '10.20.1.0/16';
      },
      /network\.vpcCidr = "10\.20\.1\.0\/16" is not a network-aligned/,
    ],
    [
      'a VPC larger than /16',
      (e) => {
        e.network.vpcCidr = '10.16.0.0/12';
      },
      /network\.vpcCidr = "10\.16\.0\.0\/12" has prefix \/12; AWS allows a VPC between \/16 and \/28/,
    ],
    [
      'a VPC smaller than /28',
      (e) => {
        e.network.vpcCidr = '10.20.0.0/29';
      },
      /network\.vpcCidr = "10\.20\.0\.0\/29" has prefix \/29/,
    ],
    [
      'a subnet outside the VPC',
      (e) => {
        e.network.privateSubnetCidrs[1] = '10.99.11.0/24';
      },
      /network\.privateSubnetCidrs\.1 = "10\.99\.11\.0\/24" is outside the VPC 10\.20\.0\.0\/16\. Fix:/,
    ],
    [
      'overlapping subnets',
      (e) => {
        e.network.privateSubnetCidrs[0] = '10.20.0.0/23';
      },
      /network\.privateSubnetCidrs\.0 = "10\.20\.0\.0\/23" overlaps network\.publicSubnetCidrs\.0 \(10\.20\.0\.0\/24\)/,
    ],
    [
      'fewer than two AZs',
      (e) => {
        e.network.availabilityZones = ['eu-west-1a'];
      },
      /network\.availabilityZones = \["eu-west-1a"\] lists fewer than two availability zones\. Fix:/,
    ],
    [
      'duplicate AZs',
      (e) => {
        e.network.availabilityZones = ['eu-west-1a', 'eu-west-1a'];
      },
      /network\.availabilityZones\.1 = "eu-west-1a" repeats "eu-west-1a"\. Fix: list each availability zone once/,
    ],
    [
      'an AZ outside the region',
      (e) => {
        e.network.availabilityZones[1] = 'us-east-1b';
      },
      /network\.availabilityZones\.1 = "us-east-1b" is not in the region eu-west-1/,
    ],
    [
      'more NAT gateways than AZs',
      (e) => {
        e.network.natGateways = 3;
      },
      /network\.natGateways = 3 must be between 1 and the number of availability zones \(2\)/,
    ],
    [
      'a missing domain',
      (e) => {
        delete (e.dns as Partial<typeof e.dns>).domain;
      },
      /dns\.domain = \(missing\)/,
    ],
    [
      'an invalid domain',
      (e) => {
        e.dns.domain = 'Not A Domain';
      },
      /dns\.domain = "Not A Domain" has the label "Not A Domain", which is not lowercase letters/,
    ],
    [
      'a hostname label over 63 characters',
      (e) => {
        e.identity.callbackHostnames[0] = `${'a'.repeat(64)}.hari328.net`;
      },
      /callbackHostnames\.0 = "a{64}\.hari328\.net" has the label "a{64}" of 64 characters; a DNS label has at most 63/,
    ],
    [
      'an FQDN over 253 characters',
      (e) => {
        e.dns.domain = `${Array(5).fill('a'.repeat(60)).join('.')}.net`;
      },
      /dns\.domain = .* is 308 characters long; a DNS name has at most 253/,
    ],
    [
      'a hostname outside the domain',
      (e) => {
        e.identity.callbackHostnames[0] = 'grafana.example.org';
      },
      /callbackHostnames\.0 = "grafana\.example\.org" is not under the domain hari328\.net/,
    ],
    [
      'an empty sign-in allow list',
      (e) => {
        e.identity.allowedEmails = [];
        e.identity.allowedEmailDomains = [];
      },
      /identity = .* lists nobody who may sign in .*Fix: list the operators' emails or their email domain/,
    ],
    [
      'a malformed email',
      (e) => {
        e.alerting.operatorEmail = 'ops-at-example';
      },
      /alerting\.operatorEmail = "ops-at-example" is not a valid email address\. Fix:/,
    ],
    [
      'an ALB 5xx alarm threshold below 1',
      (e) => {
        e.loadBalancer.elb5xxAlarmThreshold = 0;
      },
      /loadBalancer\.elb5xxAlarmThreshold = 0 must be at least 1\. Fix: e\.g\. 10/,
    ],
    [
      'a log retention CloudWatch does not offer',
      (e) => {
        e.logs.retentionInDays = 10;
      },
      /logs\.retentionInDays = 10 is not a CloudWatch Logs retention period\. Fix: use one of 1, 3, 5, 7, 14/,
    ],
    [
      'a state bucket name S3 refuses',
      (e) => {
        e.state.bucket = 'ab';
      },
      /state\.bucket = "ab" is shorter than 3 characters; S3 bucket names have 3 to 63\. Fix:/,
    ],
    [
      'an unknown bootstrap backend',
      (e) => {
        (e.state as { bootstrapBackend: string }).bootstrapBackend = 'remote';
      },
      /state\.bootstrapBackend = "remote" is not a bootstrap backend\. Fix: use "local" before the first bootstrap apply, "s3" after migrating its state/,
    ],
    [
      'an unknown field',
      (e) => {
        (e as unknown as Record<string, unknown>).colour = 'blue';
      },
      /colour is not a known field\. Fix: remove it or correct its spelling/,
    ],
    [
      'a wrongly typed value',
      (e) => {
        (e.compute as unknown as Record<string, unknown>).maxSize = 'two';
      },
      /compute\.maxSize = "two" Invalid input: expected number, received string\. Fix: correct the value/,
    ],
  ])('rejects %s, naming the field, the value and the fix', (_label, change, message) => {
    const problems = problemsOf(stagingWith(change));
    expect(problems.join('\n')).toMatch(message);
  });

  it('rejects a plaintext secret in the config before validating anything else', () => {
    const input = stagingWith((e) => {
      (e.identity as unknown as Record<string, unknown>).googleClientSecret = 'GOCSPX-abcdefghijklmnopqrstuvwx';
    });
    expect(problemsOf(input)).toEqual([
      expect.stringMatching(
        /^staging: identity\.googleClientSecret looks like a Google OAuth client secret, a plaintext secret\. Fix: remove it from the config and pass it as a sensitive Terraform variable/,
      ),
    ]);
  });

  it('rejects two environments sharing an SSM prefix in one account', () => {
    const known = { staging: ENVIRONMENTS.staging, prod: { ...ENVIRONMENTS.prod, ssmPrefix: ENVIRONMENTS.staging.ssmPrefix } };
    expect(() => loadEnvironments(['staging', 'prod'], known)).toThrow(/prod: ssmPrefix = "\/infra" is also staging's, in the same account 111122223333/);
  });

  it('rejects environments that point at different state backends', () => {
    const prod = { ...ENVIRONMENTS.prod, state: { ...ENVIRONMENTS.prod.state, bucket: 'another-state-bucket' } };
    expect(() => loadEnvironments(['staging', 'prod'], { staging: ENVIRONMENTS.staging, prod })).toThrow(/prod: state = .* differs from staging's/);
  });

  it('selects environments from ATLAS_ENVIRONMENTS, all of them by default', () => {
    expect(selectedEnvironmentNames({})).toEqual(['staging', 'prod']);
    expect(selectedEnvironmentNames({ ATLAS_ENVIRONMENTS: ' prod ' })).toEqual(['prod']);
  });
});

describe('README', () => {
  it('shows the error synth really prints for its sample bad VPC CIDR', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const sample = /```\n(Invalid configuration \(nothing was written\):\n {2}- staging: network\.vpcCidr = "([^"]+)".*)\n```/.exec(readme);
    expect(sample).not.toBeNull();
    const [, shown, cidr] = sample!;
    expect(() =>
      loadEnvironments(['staging'], {
        staging: stagingWith((e) => {
          e.network.vpcCidr = cidr;
        }),
      }),
    ).toThrow(shown);
  });
});
