import { isTrue } from '../../terraform-json/document';
import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { requireAttr } from './check';

export const rdsDeletionProtection: ResourceRule = {
  kind: 'resource',
  id: 'rds-deletion-protection',
  property: 'A database in a production-tier stack cannot be deleted until its deletion protection is turned off.',
  publicIds: ['CKV_AWS_293', 'AVD-AWS-0177', 'RDS.8'],
  fix: 'set deletion_protection = true (config: protection.deletionProtection) for production-tier environments',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  check: (db, { tier }) => (tier === 'production' ? requireAttr(db, 'deletion_protection', isTrue, 'true in a production-tier stack') : NOT_APPLICABLE),
};
