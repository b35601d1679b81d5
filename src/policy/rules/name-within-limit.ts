import { checkName, NameLimitError, type NameKind } from '../../core/naming';
import { isExpression } from '../../terraform-json/document';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../types';

/** Where each kind of physical name sits in Terraform JSON; limits come from core/naming. */
const NAME_ATTRIBUTES: Readonly<Record<string, readonly [string, NameKind]>> = {
  aws_lb: ['name', 'alb'],
  aws_alb: ['name', 'alb'],
  aws_lb_target_group: ['name', 'targetGroup'],
  aws_alb_target_group: ['name', 'targetGroup'],
  aws_s3_bucket: ['bucket', 's3Bucket'],
  aws_iam_role: ['name', 'iamRole'],
  aws_db_instance: ['identifier', 'rdsIdentifier'],
  aws_cognito_user_pool_domain: ['domain', 'cognitoDomain'],
  aws_ecs_cluster: ['name', 'ecsCluster'],
  aws_msk_cluster: ['cluster_name', 'mskCluster'],
  aws_secretsmanager_secret: ['name', 'secret'],
};

export const nameWithinLimit: ResourceRule = {
  kind: 'resource',
  id: 'name-within-limit',
  property: 'Every physical name fits its AWS limit (ALB/target group 32, S3 3-63 lowercase, IAM role 64, RDS 63, Cognito domain 63).',
  publicIds: [],
  fix: "shorten the environment's namePrefix or the name's suffix",
  resourceTypes: Object.keys(NAME_ATTRIBUTES),
  // AWS rejects such a name at apply, so an acknowledgement could only postpone the failure.
  waivable: 'never',
  check: (resource) => {
    const [attribute, kind] = NAME_ATTRIBUTES[resource.type];
    const name = resource.attributes[attribute];
    // A computed name is not generated here; AWS validates it at plan time.
    if (typeof name !== 'string' || isExpression(name)) return NOT_APPLICABLE;
    try {
      checkName(name, kind);
      return COMPLIANT;
    } catch (error) {
      if (!(error instanceof NameLimitError)) throw error;
      return nonCompliant(`${attribute}: ${error.message.replace(/\. Fix:.*$/, '')}`);
    }
  },
};
