import { isFalse } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const rdsAutoMinorUpgrade: ResourceRule = {
  kind: 'resource',
  id: 'rds-auto-minor-upgrade',
  property: 'Databases take minor engine upgrades (security fixes) in their maintenance window.',
  publicIds: ['CKV_AWS_226', 'RDS.13'],
  fix: 'remove auto_minor_version_upgrade = false (the default is true)',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
  check: (db) => requireAttr(db, 'auto_minor_version_upgrade', (v) => !isFalse(v), 'true (the default)'),
};
