import { attr, blockList } from '../../terraform-json/document';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../types';
import { show, unknownAt } from './check';

export const ecsTaskEfsTransitEncryption: ResourceRule = {
  kind: 'resource',
  id: 'ecs-task-efs-transit-encryption',
  property: 'EFS volumes of a task are mounted with encryption in transit.',
  publicIds: ['CKV_AWS_97', 'AVD-AWS-0035'],
  fix: 'set efs_volume_configuration { transit_encryption = "ENABLED" } on each EFS volume',
  resourceTypes: ['aws_ecs_task_definition'],
  check: (task) => {
    const unknown = unknownAt(task, ['volume.efs_volume_configuration.transit_encryption'], '"ENABLED"');
    if (unknown) return unknown;
    const efs = blockList(task.attributes.volume).filter((v) => v.efs_volume_configuration !== undefined);
    if (efs.length === 0) return NOT_APPLICABLE;
    const open = efs.filter((v) => attr(v, 'efs_volume_configuration.transit_encryption') !== 'ENABLED');
    if (open.length === 0) return COMPLIANT;
    return nonCompliant(open.map((v) => `volume ${show(v.name)}: transit_encryption is ${show(attr(v, 'efs_volume_configuration.transit_encryption'))}`).join('; '));
  },
};
