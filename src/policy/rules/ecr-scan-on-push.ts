import { isTrue } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const ecrScanOnPush: ResourceRule = {
  kind: 'resource',
  id: 'ecr-scan-on-push',
  property: 'Images are scanned for vulnerabilities when they are pushed.',
  publicIds: ['CKV_AWS_163', 'AVD-AWS-0030', 'ECR.1'],
  fix: 'set image_scanning_configuration { scan_on_push = true } on the repository',
  resourceTypes: ['aws_ecr_repository'],
  check: (repo) => requireAttr(repo, 'image_scanning_configuration.scan_on_push', isTrue, 'true'),
};
