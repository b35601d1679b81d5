import { isTrue } from '../../terraform-json/document';
import { type ResourceRule } from '../types';
import { requireAttr } from './check';

export const ecsServiceNoPublicIp: ResourceRule = {
  kind: 'resource',
  id: 'ecs-service-no-public-ip',
  property: 'ECS service tasks get no public IP; they run in private subnets behind the ALB.',
  publicIds: ['CKV_AWS_333', 'ECS.2'],
  fix: 'set network_configuration { assign_public_ip = false } and use private subnets',
  resourceTypes: ['aws_ecs_service'],
  check: (service) => requireAttr(service, 'network_configuration.assign_public_ip', (v) => v === undefined || !isTrue(v), 'false'),
};
