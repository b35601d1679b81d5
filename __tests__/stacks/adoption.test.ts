import { App, Testing } from 'cdktf';
import { addPlatformStacks } from '../../src/app/platform-app';
import { parseEnvironment } from '../../src/config/load';
import { prod } from '../../src/config/prod';
import { staging } from '../../src/config/staging';

const ZONE_ID = 'Z0123456789ABCDEFGHIJ';
const CERT_ARN = 'arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';

function synthWith(stagingChanges: object) {
  const env = parseEnvironment('staging', { ...staging, ...stagingChanges });
  const stacks = addPlatformStacks(new App({ outdir: Testing.app().outdir }), [env]);
  return {
    baseInfra: JSON.parse(Testing.synth(stacks.baseInfra.staging)),
    bootstrap: JSON.parse(Testing.synth(stacks.bootstrap)),
  };
}

describe('adopting existing resources from config', () => {
  it('imports the existing hosted zone and certificate into base-infra', () => {
    // GIVEN staging names an existing zone and certificate
    const { baseInfra } = synthWith({ adopt: { hostedZoneId: ZONE_ID, certificateArn: CERT_ARN } });
    // THEN base-infra carries one import block for each, at the addresses that manage them
    expect(baseInfra.import).toEqual(
      expect.arrayContaining([
        { to: 'aws_route53_zone.dns_zone', id: ZONE_ID },
        { to: 'aws_acm_certificate.dns_certificate', id: CERT_ARN },
      ]),
    );
    expect(baseInfra.import).toHaveLength(2);
    expect(baseInfra.resource.aws_route53_zone.dns_zone).toBeDefined();
    expect(baseInfra.resource.aws_acm_certificate.dns_certificate).toBeDefined();
  });

  it('imports the existing state bucket and lock table into bootstrap by their names', () => {
    const { bootstrap } = synthWith({ state: { ...staging.state, adoptExisting: ['bucket', 'lockTable'] } });
    expect(bootstrap.import).toEqual([
      { to: 'aws_s3_bucket.state', id: staging.state.bucket },
      { to: 'aws_dynamodb_table.lock', id: staging.state.lockTable },
    ]);
  });

  it('imports only the lock table when only the table exists', () => {
    const { bootstrap } = synthWith({ state: { ...staging.state, adoptExisting: ['lockTable'] } });
    expect(bootstrap.import).toEqual([{ to: 'aws_dynamodb_table.lock', id: staging.state.lockTable }]);
  });

  it('imports nothing with the committed staging and prod config', () => {
    for (const input of [staging, prod]) {
      const env = parseEnvironment('x', input);
      const stacks = addPlatformStacks(new App({ outdir: Testing.app().outdir }), [env]);
      expect(JSON.parse(Testing.synth(stacks.baseInfra.x)).import).toBeUndefined();
      expect(JSON.parse(Testing.synth(stacks.bootstrap)).import).toBeUndefined();
    }
  });
});
