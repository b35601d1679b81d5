import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { DataAwsRoute53Zone } from '@cdktf/provider-aws/lib/data-aws-route53-zone';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';
import { type Protection, protectionOf } from '../../core/protection';
import { PropsError } from '../../core/input-error';

export interface DnsCertificateProps {
  /** Apex domain, e.g. `hari328.net`. */
  readonly domain: string;
  /** Create the hosted zone, or look up an existing public zone of that name. */
  readonly createHostedZone: boolean;
  /**
   * `preventDestroy` -> a created zone's `prevent_destroy` (a new zone gets new name servers, and
   * the delegation breaks). Route53 has no deletion protection (`deletionProtection` is unused).
   * @default - protected
   */
  readonly protection?: Protection;
  /**
   * Delegate a created zone from its parent: the NS record of `domain` is written into the public
   * zone of `parentDomain`, which must be in the same account. @default - no record; the name
   * servers are delegated by hand (registrar or parent zone elsewhere)
   */
  readonly delegation?: { readonly parentDomain: string };
}

/** Route53 hosted zone and a DNS-validated wildcard certificate (`*.domain` and `domain`). */
export class DnsCertificate extends Construct {
  readonly zoneId: string;
  /** The created zone; undefined when an existing zone is looked up. */
  readonly zone?: Route53Zone;
  /** The wildcard certificate (use certificateArn to wait for its validation). */
  readonly certificate: AcmCertificate;
  /** Name servers of the created zone; undefined when an existing zone is looked up. */
  readonly nameServers?: string[];
  /** ARN of the certificate, available once DNS validation has completed. */
  readonly certificateArn: string;

  constructor(scope: Construct, id: string, props: DnsCertificateProps) {
    super(scope, id);
    if (props.delegation && !props.createHostedZone) {
      throw new PropsError({
        subject: `DnsCertificate ${props.domain}`,
        field: 'delegation.parentDomain',
        value: props.delegation.parentDomain,
        problem: 'needs a created zone, and createHostedZone is false',
        fix: 'set createHostedZone, or drop delegation',
      });
    }
    if (props.createHostedZone) {
      const zone = (this.zone = new Route53Zone(this, 'zone', {
        name: props.domain,
        comment: `Public zone of ${props.domain}; delegate to its name servers at the registrar`,
        lifecycle: { preventDestroy: protectionOf(props.protection).preventDestroy },
      }));
      this.zoneId = zone.zoneId;
      this.nameServers = zone.nameServers;
    } else {
      this.zoneId = new DataAwsRoute53Zone(this, 'zone', { name: props.domain, privateZone: false }).zoneId;
    }

    // Until the parent zone names this zone's servers, nothing resolves in it, ACM never sees the
    // validation record and the apply waits for the certificate until the provider times out.
    const delegation =
      props.delegation && this.nameServers
        ? new Route53Record(this, 'delegation', {
            zoneId: new DataAwsRoute53Zone(this, 'parent_zone', { name: props.delegation.parentDomain, privateZone: false }).zoneId,
            name: props.domain,
            type: 'NS',
            records: this.nameServers,
            // Short enough that a replaced zone (new name servers) is followed within the hour.
            ttl: 3600,
          })
        : undefined;

    const certificate = (this.certificate = new AcmCertificate(this, 'certificate', {
      domainName: `*.${props.domain}`,
      subjectAlternativeNames: [props.domain],
      validationMethod: 'DNS',
      lifecycle: { createBeforeDestroy: true },
      tags: { Name: `*.${props.domain}` },
    }));

    // The wildcard and the apex share one validation record, hence allow_overwrite. The map is
    // built over the set itself: fromComplexList wraps it in tolist(), whose order is unknown until
    // the certificate exists, and Terraform then refuses to plan a fresh environment.
    const option = TerraformIterator.fromMap(Token.asAnyMap(`\${{ for dvo in ${certificate.fqn}.domain_validation_options : dvo.domain_name => dvo }}`));
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
      // The wait for ACM starts once the zone is reachable from its parent.
      dependsOn: delegation ? [delegation] : undefined,
    });
    this.certificateArn = validation.certificateArn;
  }
}
