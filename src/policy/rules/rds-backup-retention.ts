import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const MIN_BACKUP_RETENTION_DAYS = 7;

export const rdsBackupRetention: ResourceRule = {
  kind: 'resource',
  id: 'rds-backup-retention',
  property: `Automated backups are kept at least ${MIN_BACKUP_RETENTION_DAYS} days, set explicitly (stricter than CKV_AWS_133, which accepts any period from 1 day and an unset one).`,
  publicIds: ['CKV_AWS_133', 'AVD-AWS-0077', 'RDS.11'],
  stricterThan: ['CKV_AWS_133'],
  fix: `set backup_retention_period = ${MIN_BACKUP_RETENTION_DAYS} or more`,
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  check: (db) => requireAttr(db, 'backup_retention_period', (v) => Number(v) >= MIN_BACKUP_RETENTION_DAYS, `>= ${MIN_BACKUP_RETENTION_DAYS}`),
};
