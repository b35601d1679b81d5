import { isTrue } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const rdsEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'rds-encrypted',
  property: 'Database storage, snapshots and backups are encrypted at rest.',
  publicIds: ['CKV_AWS_16', 'AVD-AWS-0080', 'RDS.3'],
  fix: 'set storage_encrypted = true (optionally kms_key_id) on the database',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  check: (db) => requireAttr(db, 'storage_encrypted', isTrue, 'true'),
};
