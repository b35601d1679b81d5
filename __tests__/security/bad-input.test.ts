/**
 * Every bad input docs/security.md lists gets an error naming the field, the value and the fix. Config
 * problems stop before any construct exists; listener-priority clashes and over-long names are
 * also caught by the policy pack over the synthesized JSON.
 */
import { loadEnvironment } from '../../src/config/load';
import { stagingConfigError } from '../helpers/config-error';
import { checkName, type NameKind } from '../../src/core/naming';
import { evaluate } from '../../src/policy/evaluate';
import { failureMessage } from '../../src/policy/report';
import { doc, stack } from '../policy/fixtures';

/** The staging config with one change applied. */
const configError = stagingConfigError;

describe('bad configuration input', () => {
  it('rejects an unknown environment name, listing the valid ones', () => {
    expect(() => loadEnvironment('qa')).toThrow('environment = "qa" is not a known environment. Fix: use one of staging, prod');
  });

  it.each([
    ['an invalid CIDR', (c: any) => (c.network.vpcCidr = '10.20.0.1/16'), 'network.vpcCidr = "10.20.0.1/16" is not a network-aligned IPv4 CIDR. Fix:'],
    ['a VPC larger than /16', (c: any) => (c.network.vpcCidr = '10.0.0.0/12'), 'network.vpcCidr = "10.0.0.0/12" has prefix /12; AWS allows a VPC between /16 and /28. Fix:'],
    ['a VPC smaller than /28', (c: any) => (c.network.vpcCidr = '10.20.0.0/29'), 'network.vpcCidr = "10.20.0.0/29" has prefix /29; AWS allows a VPC between /16 and /28. Fix:'],
    ['a subnet outside the VPC', (c: any) => (c.network.publicSubnetCidrs[0] = '10.99.0.0/24'), 'network.publicSubnetCidrs.0 = "10.99.0.0/24" is outside the VPC 10.20.0.0/16. Fix:'],
    ['overlapping subnets', (c: any) => (c.network.privateSubnetCidrs[0] = '10.20.0.0/23'), 'network.privateSubnetCidrs.0 = "10.20.0.0/23" overlaps network.publicSubnetCidrs.0 (10.20.0.0/24). Fix:'],
    ['fewer than two availability zones', (c: any) => (c.network.availabilityZones = ['eu-west-1a']), 'network.availabilityZones = ["eu-west-1a"] lists fewer than two availability zones. Fix:'],
    ['duplicate availability zones', (c: any) => (c.network.availabilityZones = ['eu-west-1a', 'eu-west-1a']), 'network.availabilityZones.1 = "eu-west-1a" repeats "eu-west-1a". Fix:'],
    [
      'an invalid domain',
      (c: any) => (c.dns.domain = 'Atlas_Example.com'),
      'dns.domain = "Atlas_Example.com" has the label "Atlas_Example", which is not lowercase letters, digits and inner hyphens. Fix:',
    ],
    ['a missing domain', (c: any) => delete c.dns.domain, 'dns.domain = (missing)'],
    ['a hostname label over 63 characters', (c: any) => (c.dns.domain = `${'a'.repeat(64)}.example.com`), `has the label "${'a'.repeat(64)}" of 64 characters; a DNS label has at most 63. Fix:`],
    ['an FQDN over 253 characters', (c: any) => (c.dns.domain = `${Array(5).fill('a'.repeat(60)).join('.')}.com`), 'is 308 characters long; a DNS name has at most 253. Fix:'],
    ['a malformed email', (c: any) => (c.alerting.operatorEmail = 'ops@@example'), 'alerting.operatorEmail = "ops@@example" is not a valid email address. Fix:'],
    [
      'a plaintext secret in config',
      (c: any) => (c.identity.googleClientSecret = 'GOCSPX-abcdefghijklmnopqrstuvwx'),
      'staging: identity.googleClientSecret looks like a Google OAuth client secret, a plaintext secret. Fix: remove it from the config',
    ],
  ])('rejects %s', (_name, change, expected) => {
    // GIVEN the staging config with one bad value WHEN it is loaded THEN the error names field, value and fix
    const message = configError(change);
    expect(message).toContain(expected);
    expect(message).toMatch(/Fix:/);
    expect(message).toContain('nothing was written');
  });
});

describe('bad generated input', () => {
  it('rejects a listener-rule priority clash across stacks, naming both rules', () => {
    const ssm = { data: { aws_ssm_parameter: { listener: { name: '/infra/alb-listener-arn' } } } };
    const rule = (name: string) => doc([['aws_lb_listener_rule', name, { listener_arn: '${data.aws_ssm_parameter.listener.value}', priority: 10 }]], ssm);
    const result = evaluate([stack('atlas-staging', rule('api')), stack('monitoring-staging', rule('grafana'))]);
    expect(failureMessage(result)).toContain(
      '[listener-priority-unique] atlas-staging aws_lb_listener_rule.api: priority 10 on the listener from SSM parameter /infra/alb-listener-arn is also used by monitoring-staging/aws_lb_listener_rule.grafana. Fix: give one of the rules another priority',
    );
  });

  const tooLong: [string, NameKind, string, string, string][] = [
    ['load balancer', 'alb', 'aws_lb', 'name', `x${'-alb'.repeat(8)}`],
    ['target group', 'targetGroup', 'aws_lb_target_group', 'name', 'atlas-prod-dashboard-backend-tg-1'],
    ['S3 bucket (long)', 's3Bucket', 'aws_s3_bucket', 'bucket', `atlas-${'b'.repeat(60)}`],
    ['S3 bucket (uppercase)', 's3Bucket', 'aws_s3_bucket', 'bucket', 'Atlas-Exports'],
    ['S3 bucket (short)', 's3Bucket', 'aws_s3_bucket', 'bucket', 'ab'],
    ['IAM role', 'iamRole', 'aws_iam_role', 'name', `atlas-prod-${'role-'.repeat(11)}x`],
    ['RDS identifier', 'rdsIdentifier', 'aws_db_instance', 'identifier', `atlas-prod-${'d'.repeat(53)}`],
    ['Cognito domain prefix', 'cognitoDomain', 'aws_cognito_user_pool_domain', 'domain', `atlas-${'c'.repeat(58)}`],
  ];

  it.each(tooLong)('rejects a %s name over its AWS limit, at construction and in the synthesized JSON', (_label, kind, type, attribute, name) => {
    // GIVEN a name AWS would refuse WHEN a construct checks it THEN it throws naming the name, the limit and the fix
    let construction = '';
    try {
      checkName(name, kind);
    } catch (error) {
      construction = (error as Error).message;
    }
    expect(construction).toContain(`"${name}"`);
    expect(construction).toMatch(/at most \d+|shorter than 3|must be lowercase/);
    expect(construction).toContain('Fix:');
    // WHEN the same name reaches Terraform JSON THEN the pack fails with the same explanation
    const result = evaluate([stack('s', doc([[type, 'this', { [attribute]: name }]]))]);
    const finding = result.findings.find((f) => f.rule === 'name-within-limit');
    expect(finding).toEqual({ rule: 'name-within-limit', stack: 's', address: `${type}.this`, problem: `${attribute}: ${construction.replace(/\. Fix:.*$/, '')}` });
  });
});
