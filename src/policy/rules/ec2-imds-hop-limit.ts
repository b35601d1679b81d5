import { COMPLIANT, type ResourceRule } from '../types';
import { requireAttr, unknownAt } from './check';
import { METADATA_TYPES, metadataDisabled } from './ec2-metadata';

export const ec2ImdsHopLimit: ResourceRule = {
  kind: 'resource',
  id: 'ec2-imds-hop-limit',
  property:
    'Instance metadata answers one network hop only, so containers on the host cannot read host credentials; the limit must be set explicitly (stricter than CKV_AWS_341, which passes it unset, because current AMIs such as AL2023 default to 2).',
  publicIds: ['CKV_AWS_341'],
  stricterThan: ['CKV_AWS_341'],
  fix: 'set metadata_options { http_put_response_hop_limit = 1 } on the launch template, launch configuration or instance',
  resourceTypes: METADATA_TYPES,
  check: (resource) =>
    unknownAt(resource, ['metadata_options.http_endpoint'], '"enabled" or "disabled"') ??
    (metadataDisabled(resource) ? COMPLIANT : requireAttr(resource, 'metadata_options.http_put_response_hop_limit', (v) => Number(v) === 1, '1')),
};
