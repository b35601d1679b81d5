import { isTrue } from '../../terraform-json/document';
import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { requireAttr } from './check';

export const rdsFinalSnapshot: ResourceRule = {
  kind: 'resource',
  id: 'rds-final-snapshot',
  property: 'Deleting a database in a production-tier stack leaves a final snapshot.',
  publicIds: [],
  fix: 'set skip_final_snapshot = false and a final_snapshot_identifier for production-tier environments',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  check: (db, { tier }) => (tier === 'production' ? requireAttr(db, 'skip_final_snapshot', (v) => !isTrue(v), 'false in a production-tier stack') : NOT_APPLICABLE),
};
