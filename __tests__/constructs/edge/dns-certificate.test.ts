import { App, Testing } from 'cdktf';
import { DnsCertificate } from '../../../src/constructs/edge/dns-certificate';
import { PlatformStack } from '../../../src/core/platform-stack';

describe('DnsCertificate', () => {
  it('keys the validation records over the certificate set itself, so a fresh environment can plan', () => {
    // GIVEN a certificate that does not exist yet
    const stack = new PlatformStack(new App({ outdir: Testing.app().outdir }), 'edge', {
      region: 'eu-west-1',
      accountId: '111122223333',
      tags: { environment: 'test', layer: 'base-infra', repository: 'test' },
    });
    new DnsCertificate(stack, 'dns', { domain: 'example.com', createHostedZone: true });
    // WHEN synthesized
    const record = JSON.parse(Testing.synth(stack)).resource.aws_route53_record.dns_validation_record;
    // THEN for_each iterates the set directly: tolist() of a set with unknown members is unknown at
    // plan time and Terraform refuses "Invalid for_each argument" (seen with a real plan)
    expect(record.for_each).toBe('${{ for dvo in aws_acm_certificate.dns_certificate.domain_validation_options : dvo.domain_name => dvo }}');
    expect(record.name).toBe('${each.value.resource_record_name}');
  });
});
