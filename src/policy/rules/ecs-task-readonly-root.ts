import { isTrue } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { everyContainer, show } from './check';

export const ecsTaskReadonlyRoot: ResourceRule = {
  kind: 'resource',
  id: 'ecs-task-readonly-root',
  property: 'Containers get a read-only root file system (acknowledge, with the reason, an image that must write to it).',
  publicIds: ['CKV_AWS_336', 'ECS.5'],
  fix: 'set "readonlyRootFilesystem": true and give writable paths their own volumes',
  resourceTypes: ['aws_ecs_task_definition'],
  check: (task, { stack }) =>
    everyContainer(task, stack, ['readonlyRootFilesystem'], (c) => (isTrue(c.readonlyRootFilesystem) ? undefined : `readonlyRootFilesystem is ${show(c.readonlyRootFilesystem)}`)),
};
