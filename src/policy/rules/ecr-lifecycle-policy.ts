import { attr } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';

export const ecrLifecyclePolicy: ResourceRule = {
  kind: 'resource',
  id: 'ecr-lifecycle-policy',
  property: 'Every ECR repository has a lifecycle policy that expires old images.',
  publicIds: ['ECR.3'],
  fix: 'add an aws_ecr_lifecycle_policy with repository = <this repository>.name',
  resourceTypes: ['aws_ecr_repository'],
  check: (repo, { stack }) =>
    stack.referrers(repo, 'aws_ecr_lifecycle_policy', 'repository', attr(repo, 'name')).length > 0 ? COMPLIANT : nonCompliant('no aws_ecr_lifecycle_policy refers to this repository'),
};
