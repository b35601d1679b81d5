import { isTrue } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const rdsNotPublic: ResourceRule = {
  kind: 'resource',
  id: 'rds-not-public',
  property: 'A database has no public endpoint; a non-production one may be acknowledged when its security group admits allow-listed CIDRs only.',
  publicIds: ['CKV_AWS_17', 'AVD-AWS-0082', 'RDS.2'],
  fix: 'set publicly_accessible = false and place the database in private subnets',
  // Aurora cluster instances carry their own publicly_accessible.
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
  waivable: 'non-production',
  check: (db) => requireAttr(db, 'publicly_accessible', (v) => v === undefined || !isTrue(v), 'false'),
};
