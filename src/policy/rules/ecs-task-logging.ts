import { asObject } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { everyContainer } from './check';

export const ecsTaskLogging: ResourceRule = {
  kind: 'resource',
  id: 'ecs-task-logging',
  property: 'Every container ships its logs (logConfiguration with a log driver).',
  publicIds: ['ECS.9'],
  fix: 'add "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": ..., ... } } to each container',
  resourceTypes: ['aws_ecs_task_definition'],
  check: (task, { stack }) => everyContainer(task, stack, ['logConfiguration.logDriver'], (c) => (asObject(c.logConfiguration)?.logDriver ? undefined : 'no logConfiguration.logDriver')),
};
