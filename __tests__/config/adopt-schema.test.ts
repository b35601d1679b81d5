import { ConfigError, parseEnvironment } from '../../src/config/load';
import { staging } from '../../src/config/staging';

const ZONE_ID = 'Z0123456789ABCDEFGHIJ';

describe('adopt config validation', () => {
  it('rejects a hosted zone import when the zone is only looked up', () => {
    expect(() => parseEnvironment('staging', { ...staging, dns: { ...staging.dns, createHostedZone: false }, adopt: { hostedZoneId: ZONE_ID } })).toThrow(
      /staging: adopt\.hostedZoneId = "Z0123456789ABCDEFGHIJ" imports a zone, but dns\.createHostedZone is false.*Fix: set dns\.createHostedZone to true/,
    );
  });

  it('rejects a malformed certificate ARN, naming the field and the fix', () => {
    expect(() => parseEnvironment('staging', { ...staging, adopt: { certificateArn: 'arn:aws:acm:eu-west-1:1:cert/x' } })).toThrow(
      /staging: adopt\.certificateArn = "arn:aws:acm:eu-west-1:1:cert\/x" is not an ACM certificate ARN\. Fix:/,
    );
  });

  it('rejects an unknown adoptable state resource', () => {
    expect(() => parseEnvironment('staging', { ...staging, state: { ...staging.state, adoptExisting: ['table'] } })).toThrow(ConfigError);
    expect(() => parseEnvironment('staging', { ...staging, state: { ...staging.state, adoptExisting: ['table'] } })).toThrow(
      /state\.adoptExisting\.0 = "table" is not adoptable\. Fix: use "bucket" or "lockTable"/,
    );
  });
});
