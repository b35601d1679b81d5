import { isTrue } from '../../terraform-json/document';
import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { requireAttr, unknownAt } from './check';
import { databaseEngine } from './rds-engine';

export const rdsIamAuth: ResourceRule = {
  kind: 'resource',
  id: 'rds-iam-auth',
  property: 'PostgreSQL and MySQL/MariaDB databases accept IAM authentication, so services need no long-lived database passwords.',
  publicIds: ['CKV_AWS_161', 'AVD-AWS-0176', 'RDS.10'],
  fix: 'set iam_database_authentication_enabled = true',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  check: (db) => {
    const unknown = unknownAt(db, ['engine'], 'a literal engine');
    if (unknown) return unknown;
    // Other engines (Oracle, SQL Server, Db2) have no IAM authentication to turn on.
    const engine = databaseEngine(db);
    if (engine !== undefined && engine !== 'postgres' && engine !== 'mysql') return NOT_APPLICABLE;
    return requireAttr(db, 'iam_database_authentication_enabled', isTrue, 'true');
  },
};
