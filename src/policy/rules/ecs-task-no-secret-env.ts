import { findPlaintextSecrets, isSecretLikeKey } from '../../config/secrets';
import { blockList } from '../../terraform-json/document';
import { secretShape } from '../secret-shapes';
import { type ResourceRule } from '../types';
import { everyContainer } from './check';

/** Names that carry where a secret is, not the secret itself. */
const POINTER_NAME = /_(ARN|NAME|ID|PATH|FILE|REGION)$/i;

export const ecsTaskNoSecretEnv: ResourceRule = {
  kind: 'resource',
  id: 'ecs-task-no-secret-env',
  property: 'Secrets reach containers through `secrets` (Secrets Manager / SSM), never as plain environment variables.',
  publicIds: ['AVD-AWS-0036', 'ECS.8'],
  fix: 'move the variable from "environment" to "secrets" with valueFrom = <Secrets Manager or SSM ARN>',
  resourceTypes: ['aws_ecs_task_definition'],
  // Values may be expressions (a reference to a Secrets Manager ARN is fine); names may not.
  check: (task, { stack }) =>
    everyContainer(task, stack, ['environment.name'], (c) => {
      const bad = blockList(c.environment).filter((v) => {
        const name = String(v.name ?? '');
        const secretName = isSecretLikeKey(name) && !POINTER_NAME.test(name);
        // A secret's value wired into plain environment is still a secret in the task definition.
        const secretValue = typeof v.value === 'string' && /secret_string|aws_secretsmanager_secret_version/.test(v.value);
        return secretName || secretValue || findPlaintextSecrets(v.value).length > 0 || (typeof v.value === 'string' && secretShape(v.value) !== undefined);
      });
      return bad.length > 0 ? `environment holds ${bad.map((v) => String(v.name)).join(', ')}` : undefined;
    }),
};
