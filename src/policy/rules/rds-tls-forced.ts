import { blockList, isExpression } from '../document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { show, unverifiable } from './check';

export const rdsTlsForced: ResourceRule = {
  kind: 'resource',
  id: 'rds-tls-forced',
  property: 'Databases refuse connections without TLS (PostgreSQL parameter rds.force_ssl = 1).',
  publicIds: ['CKV2_AWS_69'],
  fix: 'attach an aws_db_parameter_group with parameter { name = "rds.force_ssl", value = "1" } through parameter_group_name',
  resourceTypes: ['aws_db_instance'],
  check: (db, { stack }) => {
    const groupName = db.attributes.parameter_group_name;
    if (groupName === undefined) return nonCompliant('parameter_group_name is not set, so the engine default parameter group decides');
    const group = stack.target(groupName)?.resource;
    if (!group || group.type !== 'aws_db_parameter_group') {
      return nonCompliant(isExpression(groupName) ? unverifiable('parameter_group_name', groupName, 'rds.force_ssl = 1') : `parameter group ${show(groupName)} is not defined in this stack, so rds.force_ssl cannot be checked`);
    }
    const forced = blockList(group.attributes.parameter).some((p) => p.name === 'rds.force_ssl' && String(p.value) === '1');
    return forced ? COMPLIANT : nonCompliant(`${group.address} does not set rds.force_ssl = 1`);
  },
};
