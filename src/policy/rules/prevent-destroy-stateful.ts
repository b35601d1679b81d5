import { isTrue } from '../../terraform-json/document';
import { NOT_APPLICABLE, type ResourceRule } from '../types';
import { requireAttr } from './check';

/** Resources whose loss loses data: state, databases, streams, files. */
export const STATEFUL_TYPES = ['aws_s3_bucket', 'aws_dynamodb_table', 'aws_db_instance', 'aws_rds_cluster', 'aws_msk_cluster', 'aws_efs_file_system'];

export const preventDestroyStateful: ResourceRule = {
  kind: 'resource',
  id: 'prevent-destroy-stateful',
  property: 'Stateful resources in a production-tier stack carry lifecycle.prevent_destroy, so no plan can delete them.',
  publicIds: [],
  fix: 'set lifecycle { prevent_destroy = true } (config: protection.preventDestroy) for production-tier environments',
  resourceTypes: STATEFUL_TYPES,
  check: (resource, { tier }) => (tier === 'production' ? requireAttr(resource, 'lifecycle.prevent_destroy', isTrue, 'true in a production-tier stack') : NOT_APPLICABLE),
};
