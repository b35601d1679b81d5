import { ecrRepositoryUrl } from '../../../src/constructs/service/ecr-repository';

describe('ecrRepositoryUrl', () => {
  test('is the registry of the account in the region, then the repository name', () => {
    expect(ecrRepositoryUrl('111122223333', 'eu-west-1', 'atlas-prod-events-ingestion')).toBe('111122223333.dkr.ecr.eu-west-1.amazonaws.com/atlas-prod-events-ingestion');
  });

  test("uses the China partition's own DNS suffix in a China region", () => {
    expect(ecrRepositoryUrl('111122223333', 'cn-north-1', 'app')).toBe('111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/app');
  });
});
