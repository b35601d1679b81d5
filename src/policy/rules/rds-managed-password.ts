import { isTrue } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';

export const rdsManagedPassword: ResourceRule = {
  kind: 'resource',
  id: 'rds-managed-password',
  property: 'The master password is generated and kept by RDS in Secrets Manager: never a literal, never in Terraform state.',
  publicIds: [],
  fix: 'set manage_master_user_password = true and remove password',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  check: (db) => {
    const a = db.attributes;
    if (a.password !== undefined || a.master_password !== undefined) return nonCompliant('password is set, so it lands in Terraform state');
    return isTrue(a.manage_master_user_password) ? COMPLIANT : nonCompliant('manage_master_user_password is not true');
  },
};
