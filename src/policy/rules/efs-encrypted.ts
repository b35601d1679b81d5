import { isTrue } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const efsEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'efs-encrypted',
  property: 'EFS file systems are encrypted at rest.',
  publicIds: ['CKV_AWS_42', 'AVD-AWS-0037', 'EFS.1'],
  fix: 'set encrypted = true on the file system (it cannot be changed later: the file system is replaced)',
  resourceTypes: ['aws_efs_file_system'],
  check: (fs) => requireAttr(fs, 'encrypted', isTrue, 'true'),
};
