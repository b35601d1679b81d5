import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const ecrImmutableTags: ResourceRule = {
  kind: 'resource',
  id: 'ecr-immutable-tags',
  property: 'An image tag, once pushed, always means the same image.',
  publicIds: ['CKV_AWS_51', 'AVD-AWS-0031', 'ECR.2'],
  fix: 'set image_tag_mutability = "IMMUTABLE" on the repository',
  resourceTypes: ['aws_ecr_repository'],
  check: (repo) => requireAttr(repo, 'image_tag_mutability', (v) => v === 'IMMUTABLE' || v === 'IMMUTABLE_WITH_EXCLUSION', '"IMMUTABLE"'),
};
