import { attr } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { show, unknownAt } from './check';

export const efsAccessPointConfined: ResourceRule = {
  kind: 'resource',
  id: 'efs-access-point-confined',
  property: 'An EFS access point confines its clients to their own directory and POSIX user (uid and gid; stricter than CKV_AWS_330, which reads gid only).',
  publicIds: ['CKV_AWS_329', 'CKV_AWS_330', 'EFS.3', 'EFS.4'],
  stricterThan: ['CKV_AWS_330'],
  fix: 'set root_directory { path = "/<service>", creation_info { ... } } and posix_user { uid, gid } on the access point',
  resourceTypes: ['aws_efs_access_point'],
  check: (ap) => {
    const unknown = unknownAt(ap, ['root_directory.path', 'posix_user.uid', 'posix_user.gid'], 'a literal directory and user');
    if (unknown) return unknown;
    const problems: string[] = [];
    const path = attr(ap, 'root_directory.path');
    if (typeof path !== 'string' || path === '/' || path === '') problems.push(`root_directory.path is ${show(path)}`);
    if (attr(ap, 'posix_user.uid') === undefined || attr(ap, 'posix_user.gid') === undefined) problems.push('posix_user uid/gid is not set');
    return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
  },
};
