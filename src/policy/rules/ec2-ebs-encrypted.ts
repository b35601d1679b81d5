import { asObject, blockList, firstOf, isTrue } from '../document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { show } from './check';

export const ec2EbsEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'ec2-ebs-encrypted',
  property: 'Every EBS volume a launch template defines is encrypted.',
  publicIds: ['CKV_AWS_8', 'AVD-AWS-0131'],
  fix: 'set ebs { encrypted = true } in every block_device_mappings entry of the launch template',
  resourceTypes: ['aws_launch_template'],
  check: (template) => {
    const mappings = blockList(template.attributes.block_device_mappings);
    if (mappings.length === 0) return nonCompliant('block_device_mappings is not set, so the AMI\'s volume settings apply unchecked');
    const open = mappings.filter((m) => !isTrue(asObject(firstOf(m.ebs))?.encrypted));
    if (open.length === 0) return COMPLIANT;
    return nonCompliant(`ebs.encrypted is ${open.map((m) => `${show(asObject(firstOf(m.ebs))?.encrypted)} on ${show(m.device_name)}`).join(', ')}`);
  },
};
