import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const ec2Imdsv2Required: ResourceRule = {
  kind: 'resource',
  id: 'ec2-imdsv2-required',
  property: 'Instances launched from a template require IMDSv2 session tokens.',
  publicIds: ['CKV_AWS_79', 'AVD-AWS-0130', 'EC2.8'],
  fix: 'set metadata_options { http_tokens = "required" } on the launch template',
  resourceTypes: ['aws_launch_template', 'aws_instance'],
  check: (template) => requireAttr(template, 'metadata_options.http_tokens', (v) => v === 'required', '"required"'),
};
