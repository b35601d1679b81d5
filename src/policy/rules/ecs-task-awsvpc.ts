import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const ecsTaskAwsvpc: ResourceRule = {
  kind: 'resource',
  id: 'ecs-task-awsvpc',
  property: 'Tasks use awsvpc networking: their own ENI and security group, never the host network.',
  publicIds: ['ECS.1'],
  fix: 'set network_mode = "awsvpc" on the task definition',
  resourceTypes: ['aws_ecs_task_definition'],
  check: (task) => requireAttr(task, 'network_mode', (v) => v === 'awsvpc', '"awsvpc"'),
};
