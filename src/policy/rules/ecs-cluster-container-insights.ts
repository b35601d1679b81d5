import { blockList } from '../../terraform-json/document';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';
import { unknownAt } from './check';

export const ecsClusterContainerInsights: ResourceRule = {
  kind: 'resource',
  id: 'ecs-cluster-container-insights',
  property: 'ECS clusters collect Container Insights metrics.',
  publicIds: ['CKV_AWS_65', 'AVD-AWS-0034', 'ECS.12'],
  fix: 'add setting { name = "containerInsights", value = "enabled" } (or "enhanced") to the cluster',
  resourceTypes: ['aws_ecs_cluster'],
  check: (cluster) => {
    const unknown = unknownAt(cluster, ['setting.name', 'setting.value'], 'containerInsights "enabled"');
    if (unknown) return unknown;
    const setting = blockList(cluster.attributes.setting).find((s) => s.name === 'containerInsights');
    if (setting && (setting.value === 'enabled' || setting.value === 'enhanced')) return COMPLIANT;
    return nonCompliant(`containerInsights is ${setting ? JSON.stringify(setting.value) : 'not set'}`);
  },
};
