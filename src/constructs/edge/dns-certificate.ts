import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { DataAwsRoute53Zone } from '@cdktf/provider-aws/lib/data-aws-route53-zone';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';

export interface DnsCertificateProps {
  /** Apex domain, e.g. `hari328.net`. */
  readonly domain: string;
  /** Create the hosted zone, or look up an existing public zone of that name. */
  readonly createHostedZone: boolean;
  /** Terraform `prevent_destroy` on a created zone. @default false */
  readonly preventDestroy?: boolean;
}

/** Route53 hosted zone and a DNS-validated wildcard certificate (`*.domain` and `domain`). */
export class DnsCertificate extends Construct {
  readonly zoneId: string;
  /** ARN of the certificate, available once DNS validation has completed. */
  readonly certificateArn: string;

  constructor(scope: Construct, id: string, props: DnsCertificateProps) {
    super(scope, id);
    this.zoneId = props.createHostedZone
      ? new Route53Zone(this, 'zone', {
          name: props.domain,
          comment: `Public zone of ${props.domain}; delegate to its name servers at the registrar`,
          lifecycle: { preventDestroy: props.preventDestroy ?? false },
        }).zoneId
      : new DataAwsRoute53Zone(this, 'zone', { name: props.domain, privateZone: false }).zoneId;

    const certificate = new AcmCertificate(this, 'certificate', {
      domainName: `*.${props.domain}`,
      subjectAlternativeNames: [props.domain],
      validationMethod: 'DNS',
      lifecycle: { createBeforeDestroy: true },
      tags: { Name: `*.${props.domain}` },
    });

    // The wildcard and the apex share one validation record, hence allow_overwrite. The map is
    // built over the set itself: fromComplexList wraps it in tolist(), whose order is unknown until
    // the certificate exists, and Terraform then refuses to plan a fresh environment.
    const option = TerraformIterator.fromMap(
      Token.asAnyMap(`\${{ for dvo in ${certificate.fqn}.domain_validation_options : dvo.domain_name => dvo }}`),
    );
    const records = new Route53Record(this, 'validation_record', {
      forEach: option,
      zoneId: this.zoneId,
      name: option.getString('resource_record_name'),
      type: option.getString('resource_record_type'),
      records: [option.getString('resource_record_value')],
      ttl: 60,
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(this, 'validation', {
      certificateArn: certificate.arn,
      validationRecordFqdns: Token.asList(`\${[for record in ${records.fqn} : record.fqdn]}`),
    });
    this.certificateArn = validation.certificateArn;
  }
}
