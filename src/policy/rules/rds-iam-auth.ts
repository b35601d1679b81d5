import { isTrue } from '../document';
import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const rdsIamAuth: ResourceRule = {
  kind: 'resource',
  id: 'rds-iam-auth',
  property: 'Databases accept IAM authentication, so services need no long-lived database passwords.',
  publicIds: ['CKV_AWS_161', 'AVD-AWS-0176', 'RDS.10'],
  fix: 'set iam_database_authentication_enabled = true',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  check: (db) => requireAttr(db, 'iam_database_authentication_enabled', isTrue, 'true'),
};
