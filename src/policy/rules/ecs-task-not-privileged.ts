import { isTrue } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { everyContainer } from './check';

export const ecsTaskNotPrivileged: ResourceRule = {
  kind: 'resource',
  id: 'ecs-task-not-privileged',
  property: 'No container runs privileged (root on the host).',
  publicIds: ['CKV_AWS_334', 'ECS.4'],
  fix: 'remove "privileged": true from the container definition',
  resourceTypes: ['aws_ecs_task_definition'],
  check: (task, { stack }) => everyContainer(task, stack, ['privileged'], (c) => (isTrue(c.privileged) ? 'privileged is true' : undefined)),
};
