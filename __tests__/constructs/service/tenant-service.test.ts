import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { PlatformParameters } from '../../../src/constructs/platform/platform-parameters';
import { recordOnly } from '../../../src/constructs/alerting/service-alarms';
import { TenantService, type TenantServiceProps } from '../../../src/constructs/service/tenant-service';
import { NameLimitError, Names } from '../../../src/core/naming';
import { PlatformStack } from '../../../src/core/platform-stack';
import { recordedStatements, wildcardGrants } from '../../helpers/recorded-statements';
import { dataSources, type Json, resources, synthJson } from '../../helpers/synth';
import { PropsError } from '../../../src/core/input-error';
import { expectInputError } from '../../helpers/input-error';

// jest.mock is hoisted above the imports, so its factory loads the helper itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('../../../src/constructs/iam/policies', () => require('../../helpers/recorded-statements').recordingPolicies());

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:api/runtime-AbCdEf';

function tenantStack(overrides: Partial<TenantServiceProps> = {}, app = Testing.app()): { json: () => Json; stack: PlatformStack } {
  const stack = new PlatformStack(app, 'tenant', {
    region: 'eu-west-1',
    accountId: '111122223333',
    tags: { environment: 'dev', layer: 'atlas', repository: 'test' },
  });
  const platform = new PlatformParameters(stack, 'platform', { prefix: '/infra' });
  new TenantService(stack, 'api', {
    names: new Names('poc-atlas-dev'),
    platform,
    serviceName: 'api',
    containerPort: 3000,
    logRetentionInDays: 14,
    route: { hostname: 'api.hari328.net', priority: 1000 },
    ...overrides,
  });
  return { stack, json: () => synthJson(stack) };
}

function only(json: Json, type: string) {
  const blocks = Object.values(resources(json, type));
  expect(blocks).toHaveLength(1);
  return blocks[0];
}

describe('TenantService defaults', () => {
  beforeEach(() => recordedStatements.splice(0));

  test('the task runs on Fargate in awsvpc mode, unprivileged, with a read-only root file system', () => {
    const task = only(tenantStack().json(), 'aws_ecs_task_definition');
    expect(task.network_mode).toBe('awsvpc');
    expect(task.requires_compatibilities).toEqual(['FARGATE']);
    expect(task.container_definitions).toContain('"privileged" = false');
    expect(task.container_definitions).toContain('"readonlyRootFilesystem" = true');
  });

  test('container logs go to the service log group, which has a retention', () => {
    const json = tenantStack().json();
    const task = only(json, 'aws_ecs_task_definition');
    expect(task.container_definitions).toMatch(/"logDriver" = "awslogs"/);
    expect(task.container_definitions).toContain('"awslogs-group" = aws_cloudwatch_log_group.api_logs.name');
    expect(only(json, 'aws_cloudwatch_log_group')).toMatchObject({ name: '/ecs/poc-atlas-dev-api', retention_in_days: 14 });
  });

  test('secrets reach the container through valueFrom and the execution role may read only them', () => {
    // GIVEN a secret injected by ARN
    const json = tenantStack({ secrets: { RUNTIME_CONFIG: `${SECRET_ARN}:url::` } }).json();
    // THEN the container gets a valueFrom reference, not a value
    const task = only(json, 'aws_ecs_task_definition');
    expect(task.container_definitions).toContain(`{"name" = "RUNTIME_CONFIG", "valueFrom" = "${SECRET_ARN}:url::"}`);
    expect(task.container_definitions).toContain('"environment" = []');
    // AND the execution role reads exactly that secret (the key suffix stripped for IAM)
    const secretGrant = recordedStatements.find((s) => s.Sid === 'ReadInjectedSecrets');
    expect(secretGrant?.Resource).toEqual([SECRET_ARN]);
  });

  test('without an image the reference is a Terraform variable named after the construct', () => {
    const json = tenantStack().json();
    expect(json.variable?.api_image).toMatchObject({ type: 'string' });
    expect(json.variable?.api_image.default).toBeUndefined();
    expect(only(json, 'aws_ecs_task_definition').container_definitions).toContain('"image" = var.api_image');
  });

  test('a given image is used as is and no variable is declared, also with an ECR repository', () => {
    const json = tenantStack({ image: 'public.ecr.aws/nginx/nginx:1.27', ecrRepository: true }).json();
    expect(json.variable?.api_image).toBeUndefined();
    expect(only(json, 'aws_ecs_task_definition').container_definitions).toContain('"image" = "public.ecr.aws/nginx/nginx:1.27"');
  });

  test("with an image tag the variable defaults to that tag in the service's own ECR repository", () => {
    // GIVEN a service with its own repository and a released tag
    const json = tenantStack({ ecrRepository: true, imageTag: '1.4.2' }).json();
    // THEN the variable keeps its name and defaults to <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>, as a plain string
    const repository = only(json, 'aws_ecr_repository').name;
    expect(repository).toBe('poc-atlas-dev-api');
    expect(json.variable?.api_image).toMatchObject({ type: 'string', default: `111122223333.dkr.ecr.eu-west-1.amazonaws.com/${repository}:1.4.2` });
    // AND the container still takes the variable, so -var overrides the default
    expect(only(json, 'aws_ecs_task_definition').container_definitions).toContain('"image" = var.api_image');
  });

  test("the image tag default follows the stack's account and region", () => {
    const app = Testing.app();
    const stack = new PlatformStack(app, 'tenant', { region: 'us-east-2', accountId: '444455556666', tags: { environment: 'dev', layer: 'atlas', repository: 'test' } });
    new TenantService(stack, 'api', {
      names: new Names('poc-atlas-dev'),
      platform: new PlatformParameters(stack, 'platform', { prefix: '/infra' }),
      serviceName: 'api',
      containerPort: 3000,
      logRetentionInDays: 14,
      ecrRepository: true,
      imageTag: '2.0.0',
    });
    expect(synthJson(stack).variable?.api_image.default).toBe('444455556666.dkr.ecr.us-east-2.amazonaws.com/poc-atlas-dev-api:2.0.0');
  });

  test('the service runs in the private subnets from SSM without a public IP', () => {
    const service = only(tenantStack().json(), 'aws_ecs_service');
    expect(service.network_configuration.assign_public_ip).toBe(false);
    expect(service.network_configuration.subnets).toBe('${split(",", data.aws_ssm_parameter.platform_private_subnet_ids.insecure_value)}');
    expect(service.cluster).toBe('${data.aws_ssm_parameter.platform_cluster_arn.insecure_value}');
  });

  test('every platform value comes from an SSM parameter of the contract', () => {
    const json = tenantStack().json();
    const names = Object.values(dataSources(json, 'aws_ssm_parameter'))
      .map((d) => d.name)
      .sort();
    expect(names).toEqual(expect.arrayContaining(['/infra/alb-listener-arn', '/infra/vpc-id', '/infra/alb-security-group-id', '/infra/cluster-arn']));
    expect(only(json, 'aws_lb_target_group').vpc_id).toBe('${data.aws_ssm_parameter.platform_vpc_id.insecure_value}');
    expect(only(json, 'aws_lb_listener_rule').listener_arn).toBe('${data.aws_ssm_parameter.platform_alb_listener_arn.insecure_value}');
    expect(JSON.stringify(json)).not.toMatch(/terraform_remote_state|"vpc-[0-9a-f]+"|"subnet-[0-9a-f]+"/);
  });

  test('the target group health-checks the service and the host rule carries the registry priority', () => {
    const json = tenantStack().json();
    expect(only(json, 'aws_lb_target_group')).toMatchObject({ target_type: 'ip', port: 3000, health_check: { enabled: true, path: '/health' } });
    const rule = only(json, 'aws_lb_listener_rule');
    expect(rule.priority).toBe(1000);
    expect(rule.condition).toEqual([{ host_header: { values: ['api.hari328.net'] } }]);
    expect(rule.action).toHaveLength(1);
  });

  test('an authenticated route logs in through Cognito before forwarding', () => {
    const rule = only(tenantStack({ route: { hostname: 'api.hari328.net', priority: 1000, authenticate: true } }).json(), 'aws_lb_listener_rule');
    expect(rule.action.map((a: { type: string }) => a.type)).toEqual(['authenticate-cognito', 'forward']);
  });

  test('only the shared ALB may reach the container port', () => {
    const json = tenantStack().json();
    expect(only(json, 'aws_security_group').ingress).toBeUndefined();
    const rule = only(json, 'aws_vpc_security_group_ingress_rule');
    expect(rule).toMatchObject({ from_port: 3000, to_port: 3000, ip_protocol: 'tcp', referenced_security_group_id: '${data.aws_ssm_parameter.platform_alb_security_group_id.insecure_value}' });
    expect(rule.cidr_ipv4).toBeUndefined();
  });

  test('no ECR repository unless asked for', () => {
    expect(resources(tenantStack().json(), 'aws_ecr_repository')).toEqual({});
  });

  test('an ECR repository has immutable tags, scan on push and a lifecycle policy', () => {
    const json = tenantStack({ ecrRepository: true }).json();
    expect(only(json, 'aws_ecr_repository')).toMatchObject({
      name: 'poc-atlas-dev-api',
      image_tag_mutability: 'IMMUTABLE',
      image_scanning_configuration: { scan_on_push: true },
    });
    expect(only(json, 'aws_ecr_lifecycle_policy').policy).toContain('"countType" = "imageCountMoreThan"');
  });

  test('roles grant nothing as * on *, and the task role only what the service asks for', () => {
    const send = { Effect: 'Allow' as const, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:111122223333:jobs' };
    tenantStack({ taskStatements: [send] }).json();
    expect(recordedStatements).toContainEqual(send);
    expect(wildcardGrants(recordedStatements)).toEqual([]);
    expect(recordedStatements.filter((s) => s.Effect === 'Allow' && [s.Resource].flat().includes('*'))).toEqual([]);
  });

  test('the execution role has only the AWS task-execution managed policy, never an admin policy', () => {
    const attachments = Object.values(resources(tenantStack().json(), 'aws_iam_role_policy_attachment'));
    expect(attachments.map((a) => a.policy_arn)).toEqual(['arn:${data.aws_partition.partition.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']);
  });

  test('CPU, memory and target-health alarms notify the operator topic from SSM by default', () => {
    const alarms = Object.values(resources(tenantStack().json(), 'aws_cloudwatch_metric_alarm'));
    expect(alarms.map((a) => a.metric_name).sort()).toEqual(['CPUUtilization', 'MemoryUtilization', 'UnHealthyHostCount']);
    for (const alarm of alarms) expect(alarm.alarm_actions).toEqual(['${data.aws_ssm_parameter.platform_operator_topic_arn.insecure_value}']);
  });

  test('the recordOnly strategy keeps alarms without actions', () => {
    const alarms = Object.values(resources(tenantStack({ alarmAction: recordOnly() }).json(), 'aws_cloudwatch_metric_alarm'));
    for (const alarm of alarms) expect(alarm.alarm_actions).toEqual([]);
  });
});

describe('TenantService input checks', () => {
  test('rejects a secret-looking plain environment variable', () => {
    expectInputError(PropsError, () => tenantStack({ environment: { DB_PASSWORD: 'hunter2' } }), /environment\.DB_PASSWORD looks like a secret.*Fix: move it to secrets/);
  });

  test.each(['Api', 'api_v2', '-api', 'api-'])('rejects serviceName %p', (serviceName) => {
    expectInputError(PropsError, () => tenantStack({ serviceName }), `serviceName = "${serviceName}" is not kebab-case`);
  });

  test.each(['latest', '-rc1', 'v1/2'])('rejects imageTag %p, naming the prop, the value and the fix', (imageTag) => {
    const error = expectInputError(PropsError, () => tenantStack({ ecrRepository: true, imageTag }), new RegExp(`TenantService api: imageTag = "${imageTag}" .*Fix:`));
    expect([error.subject, error.field, error.value]).toEqual(['TenantService api', 'imageTag', imageTag]);
  });

  test("rejects an imageTag without the service's own ECR repository", () => {
    expectInputError(PropsError, () => tenantStack({ imageTag: '1.4.2' }), 'imageTag = "1.4.2" names a tag in the service\'s own ECR repository, but ecrRepository is not set. Fix:');
  });

  test('rejects an image together with an imageTag, which it would silently replace', () => {
    expectInputError(
      PropsError,
      () => tenantStack({ ecrRepository: true, imageTag: '1.4.2', image: 'public.ecr.aws/nginx/nginx:1.27' }),
      'image = "public.ecr.aws/nginx/nginx:1.27" is set together with imageTag',
    );
  });

  test('rejects an imageTag outside a PlatformStack, which alone knows the account and region', () => {
    expectInputError(
      PropsError,
      () =>
        Testing.synthScope((scope) => {
          new TenantService(scope, 'api', {
            names: new Names('poc-atlas-dev'),
            platform: new PlatformParameters(scope, 'platform', { prefix: '/infra' }),
            serviceName: 'api',
            containerPort: 3000,
            logRetentionInDays: 14,
            ecrRepository: true,
            imageTag: '1.4.2',
          });
        }),
      /imageTag = "1.4.2" needs the account and region of a PlatformStack.*Fix: build the service in a PlatformStack, or pass the full reference as image/,
    );
  });

  test.each([0, 70000, 80.5])('rejects containerPort %p', (containerPort) => {
    const error = expectInputError(PropsError, () => tenantStack({ containerPort }), `containerPort = ${containerPort} is not a TCP port. Fix: 1-65535`);
    expect([error.field, error.value, error.fix]).toEqual(['containerPort', containerPort, '1-65535']);
  });

  test('rejects a name over the target group limit', () => {
    expectInputError(NameLimitError, () => tenantStack({ serviceName: 'a-very-long-service-name' }), /target group name "poc-atlas-dev-a-very-long-service-name" is 38 characters/);
  });

  test('fails when two services claim one listener priority, naming both rules', () => {
    // GIVEN a tenant holding priority 1000 in one stack
    const app = Testing.app();
    tenantStack({}, app);
    // WHEN another stack of the same app claims 1000 on the same listener
    const other = new PlatformStack(app, 'other', { region: 'eu-west-1', accountId: '111122223333', tags: { environment: 'dev', layer: 'atlas', repository: 'test' } });
    const scope = new Construct(other, 'team');
    // THEN synth stops and names both rules
    expectInputError(
      PropsError,
      () =>
        new TenantService(scope, 'web', {
          names: new Names('poc-atlas-dev'),
          platform: new PlatformParameters(other, 'platform', { prefix: '/infra' }),
          serviceName: 'web',
          containerPort: 80,
          logRetentionInDays: 14,
          route: { hostname: 'web.hari328.net', priority: 1000 },
        }),
      'priority = 1000 on /infra/alb-listener-arn is claimed by both tenant/api/route/host_rule and other/team/web/route/host_rule',
    );
  });
});
