/** A bare platform stack for construct tests. */
import { Testing } from 'cdktf';
import { PlatformStack } from '../../src/core/platform-stack';

export function testStack(id = 'test'): PlatformStack {
  return new PlatformStack(Testing.app(), id, {
    region: 'eu-west-1',
    accountId: '111122223333',
    tags: { environment: 'dev', layer: 'base-infra', repository: 'repo' },
  });
}
