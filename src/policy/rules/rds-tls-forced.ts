import { blockList, isExpression } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { show, unknownAt, unverifiable } from './check';
import { databaseEngine, type EngineFamily } from './rds-engine';

/** The parameter each engine refuses plaintext connections with, and the values that turn it on. */
const TLS_PARAMETER: Partial<Record<EngineFamily, { name: string; on: readonly string[] }>> = {
  postgres: { name: 'rds.force_ssl', on: ['1'] },
  sqlserver: { name: 'rds.force_ssl', on: ['1'] },
  mysql: { name: 'require_secure_transport', on: ['1', 'ON', 'on'] },
  db2: { name: 'db2comm', on: ['SSL'] },
};

export const rdsTlsForced: ResourceRule = {
  kind: 'resource',
  id: 'rds-tls-forced',
  property:
    'Databases refuse connections without TLS through their own parameter group (PostgreSQL/SQL Server rds.force_ssl = 1, MySQL/MariaDB require_secure_transport = 1, Db2 db2comm = SSL); stricter than CKV2_AWS_69, which passes an instance with no parameter group (the engine default allows plaintext).',
  publicIds: ['CKV2_AWS_69'],
  stricterThan: ['CKV2_AWS_69'],
  fix: "attach an aws_db_parameter_group through parameter_group_name that sets the engine's TLS parameter",
  resourceTypes: ['aws_db_instance'],
  check: (db, { stack }) => {
    const groupName = db.attributes.parameter_group_name;
    if (groupName === undefined) return nonCompliant('parameter_group_name is not set, so the engine default parameter group (plaintext allowed) decides');
    const group = stack.target(groupName)?.resource;
    if (!group || group.type !== 'aws_db_parameter_group') {
      return nonCompliant(
        isExpression(groupName)
          ? unverifiable('parameter_group_name', groupName, 'a parameter group of this stack')
          : `parameter group ${show(groupName)} is not defined in this stack, so its TLS setting cannot be checked`,
      );
    }
    const unknown = unknownAt(db, ['engine'], 'a literal engine') ?? unknownAt(group, ['family', 'parameter'], 'literal parameters');
    if (unknown) return unknown;
    const engine = databaseEngine(db, group);
    const wanted = engine && TLS_PARAMETER[engine];
    if (!wanted) return nonCompliant(`the pack knows no TLS-forcing parameter for engine ${show(db.attributes.engine ?? group.attributes.family)}; acknowledge it with how TLS is enforced`);
    const forced = blockList(group.attributes.parameter).some((p) => p.name === wanted.name && wanted.on.includes(String(p.value)));
    return forced ? COMPLIANT : nonCompliant(`${group.address} does not set ${wanted.name} = ${wanted.on[0]}`);
  },
};
