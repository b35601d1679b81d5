import { COMPLIANT, type ResourceRule } from '../types';
import { requireAttr, unknownAt } from './check';
import { METADATA_TYPES, metadataDisabled } from './ec2-metadata';

export const ec2Imdsv2Required: ResourceRule = {
  kind: 'resource',
  id: 'ec2-imdsv2-required',
  property: 'Instances require IMDSv2 session tokens (or have no metadata endpoint at all).',
  publicIds: ['CKV_AWS_79', 'AVD-AWS-0130', 'EC2.8'],
  fix: 'set metadata_options { http_tokens = "required" } on the launch template, launch configuration or instance',
  resourceTypes: METADATA_TYPES,
  check: (resource) =>
    unknownAt(resource, ['metadata_options.http_endpoint'], '"enabled" or "disabled"') ??
    (metadataDisabled(resource) ? COMPLIANT : requireAttr(resource, 'metadata_options.http_tokens', (v) => v === 'required', '"required"')),
};
