import { isTrue } from '../../terraform-json/document';
import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { requireAttr } from './check';

export const rdsMultiAz: ResourceRule = {
  kind: 'resource',
  id: 'rds-multi-az',
  property: 'A database in a production-tier stack has a standby in a second availability zone.',
  publicIds: ['CKV_AWS_157', 'RDS.5'],
  fix: 'set multi_az = true for production-tier environments (a config value, e.g. database.multiAz)',
  resourceTypes: ['aws_db_instance'],
  check: (db, { tier }) => (tier === 'production' ? requireAttr(db, 'multi_az', isTrue, 'true in a production-tier stack') : NOT_APPLICABLE),
};
