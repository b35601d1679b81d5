import { isTrue } from '../../terraform-json/document';
import type { StackRule } from '../types';
import { show } from './check';

export const stateBackendSecure: StackRule = {
  kind: 'stack',
  id: 'state-backend-secure',
  property: 'State lives in S3, encrypted, with a lock (DynamoDB table or S3 lock file), never on one machine.',
  publicIds: [],
  fix: 'give the stack an S3 backend with encrypt = true and dynamodb_table (or use_lockfile = true); PlatformStack does this when `state` is set',
  check: ({ stack }) => {
    const backend = stack.backend;
    const at = 'terraform.backend';
    if (!backend) return [{ address: at, problem: 'no backend is declared, so state is a local file' }];
    if (backend.type !== 's3') return [{ address: `${at}.${backend.type}`, problem: `the ${backend.type} backend keeps state outside the encrypted, locked S3 bucket` }];
    const { encrypt, dynamodb_table: table, use_lockfile: lockfile } = backend.config;
    const problems: string[] = [];
    if (!isTrue(encrypt)) problems.push(`encrypt is ${show(encrypt)}`);
    if (!table && !isTrue(lockfile)) problems.push('neither dynamodb_table nor use_lockfile is set, so two applies can run at once');
    return problems.length === 0 ? [] : [{ address: `${at}.s3`, problem: problems.join('; ') }];
  },
};
