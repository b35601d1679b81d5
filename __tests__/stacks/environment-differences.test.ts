import { type Json, platformStacks, synthJson } from '../helpers/synth';

/**
 * Staging and prod must differ only through config values. The test maps staging's
 * environment-specific strings onto prod's, then lists every remaining difference: each one must
 * be a deliberate, config-driven difference.
 */
const { stacks } = platformStacks();

const RENAMES: [string, string][] = [
  ['poc-atlas-dev', 'atlas-prod'],
  ['hari328.net', 'atlas.hari328.net'],
  ['ops@atlas.hari328.net', 'ops@hari328.net'], // both environments page the same operators
  ['"ALLOWED_EMAIL_DOMAINS":"atlas.hari328.net"', '"ALLOWED_EMAIL_DOMAINS":"hari328.net"'], // and admit the same people
  ['10.20.', '10.30.'],
  ['"/infra', '"/atlas-prod/infra'],
  ['base-infra-staging', 'base-infra-prod'],
  ['base-infra/staging/', 'base-infra/prod/'],
  ['atlas-dev-placeholder', 'atlas-prod-placeholder'],
  ['Environment$dev', 'Environment$prod'],
  ['"Environment":"dev"', '"Environment":"prod"'],
];

function differences(a: unknown, b: unknown, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => differences((a as Json)[k], (b as Json)[k], path ? `${path}.${k}` : k));
  }
  return [path];
}

describe('staging and prod base-infra', () => {
  it('differ only in NAT count, protection, retention, sizes and budget', () => {
    // GIVEN both stacks, with staging's names mapped onto prod's
    let stagingText = JSON.stringify(synthJson(stacks.baseInfra.staging));
    for (const [from, to] of RENAMES) stagingText = stagingText.split(from).join(to);
    const prod = synthJson(stacks.baseInfra.prod);

    // WHEN we list what still differs
    const diff = differences(JSON.parse(stagingText), prod);

    // THEN each difference is a config value, and each expected difference really shows
    expect(diff.filter((path) => !EXPECTED.some((pattern) => pattern.test(path)))).toEqual([]);
    for (const pattern of EXPECTED) expect([pattern, diff.some((path) => pattern.test(path))]).toEqual([pattern, true]);
  });
});

const EXPECTED: RegExp[] = [
  /^resource\.aws_eip\.network_nat_b$/, // one NAT per AZ in prod
  /^resource\.aws_nat_gateway\.network_nat_b_gateway$/,
  /^resource\.aws_route\.network_private_b_nat\.nat_gateway_id$/,
  /^resource\.aws_lb\.alb\.enable_deletion_protection$/,
  /^resource\.aws_cognito_user_pool\.cognito\.deletion_protection$/,
  /\.lifecycle\.prevent_destroy$/,
  /^resource\.aws_cloudwatch_log_group\.(network_flow_logs|cognito_sign_up_guard_logs)\.retention_in_days$/,
  /^resource\.aws_s3_bucket_lifecycle_configuration\.alb_access_logs_lifecycle\.rule\.0\.expiration/,
  /^resource\.aws_autoscaling_group\.ecs_ec2_auto_scaling_group\.(min|max)_size$/,
  /^resource\.aws_budgets_budget\.alerts_budget\.limit_amount$/,
  // dns.delegation: prod's zone is delegated by its own NS record in staging's zone, staging's at the registrar
  /^resource\.aws_route53_record\.dns_delegation$/,
  /^data\.aws_route53_zone$/,
  /^resource\.aws_acm_certificate_validation\.dns_validation\.depends_on$/,
  /^output\.hosted_zone_name_servers\.description$/,
];
