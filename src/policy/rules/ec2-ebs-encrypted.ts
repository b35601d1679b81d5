import { blockList, isTrue } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { show, unknownAt } from './check';

/** Where each resource type declares its volumes, and the block that holds `encrypted`. */
const VOLUMES: Readonly<Record<string, readonly string[]>> = {
  aws_launch_template: ['block_device_mappings.ebs'],
  aws_instance: ['root_block_device', 'ebs_block_device'],
  aws_launch_configuration: ['root_block_device', 'ebs_block_device'],
};

export const ec2EbsEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'ec2-ebs-encrypted',
  property:
    'Every EBS volume an instance, launch template or launch configuration defines says encrypted = true, the root volume included (stricter than CKV_AWS_8, which also accepts a volume restored from a snapshot without it).',
  publicIds: ['CKV_AWS_8', 'AVD-AWS-0131'],
  stricterThan: ['CKV_AWS_8'],
  fix: 'set encrypted = true on every volume (ebs { } of each block_device_mappings, root_block_device, ebs_block_device)',
  resourceTypes: Object.keys(VOLUMES),
  check: (resource) => {
    const paths = VOLUMES[resource.type];
    const unknown = unknownAt(
      resource,
      paths.map((p) => `${p}.encrypted`),
      'true',
    );
    if (unknown) return unknown;
    const [first] = paths;
    const volumes = paths.flatMap((path) => volumesAt(resource.attributes, path).map((v) => ({ path, v })));
    // Without the root (or any) volume declared, the AMI's volume settings apply unchecked.
    if (!volumes.some((x) => x.path === first)) return nonCompliant(`${first} is not set, so the AMI's volume settings apply unchecked`);
    const open = volumes.filter((x) => !isTrue(x.v.encrypted));
    if (open.length === 0) return COMPLIANT;
    const where = (x: (typeof open)[number]) => `${x.path}${x.v.device_name === undefined ? '' : ` ${show(x.v.device_name)}`}`;
    return nonCompliant(`encrypted is ${open.map((x) => `${show(x.v.encrypted)} on ${where(x)}`).join(', ')}`);
  },
};

function volumesAt(attributes: Record<string, unknown>, path: string): Record<string, unknown>[] {
  const [block, inner] = path.split('.');
  const outer = blockList(attributes[block]);
  return inner ? outer.flatMap((m) => blockList(m[inner]).map((v) => ({ device_name: m.device_name, ...v }))) : outer;
}
