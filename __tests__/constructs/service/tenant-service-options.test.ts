// Options added to TenantService for the monitoring layer; the construct's main suite is elsewhere.
import { Testing } from 'cdktf';
import { PlatformParameters } from '../../../src/constructs/platform/platform-parameters';
import { expressionLiteral } from '../../../src/constructs/service/container-definition';
import { TenantService, type TenantServiceProps } from '../../../src/constructs/service/tenant-service';
import { Names } from '../../../src/core/naming';
import { decodeContainerDefinitions } from '../../helpers/container-definitions';

function synthService(props: Partial<TenantServiceProps>) {
  return JSON.parse(
    Testing.synthScope((scope) => {
      const platform = new PlatformParameters(scope, 'platform', { prefix: '/infra' });
      new TenantService(scope, 'svc', { names: new Names('t'), platform, serviceName: 'svc', containerPort: 8080, image: 'x:1', logRetentionInDays: 7, ...props });
    }),
  ).resource;
}

describe('TenantService ingress', () => {
  test('adds the ALB rule as its own resource, so rules other code adds to the group survive', () => {
    const resources = synthService({ route: { hostname: 'b.example.com', priority: 1235 } });
    expect(Object.values<any>(resources.aws_security_group)[0].ingress).toBeUndefined();
    expect(Object.values<any>(resources.aws_vpc_security_group_ingress_rule)).toEqual([
      expect.objectContaining({
        from_port: 8080,
        to_port: 8080,
        ip_protocol: 'tcp',
        referenced_security_group_id: expect.stringMatching(/^\$\{data\.aws_ssm_parameter\.platform_alb_security_group_id\w*\.insecure_value\}$/),
      }),
    ]);
  });

  test('opens nothing for an internal service', () => {
    expect(synthService({}).aws_vpc_security_group_ingress_rule).toBeUndefined();
  });
});

describe('TenantService deployment', () => {
  test('defaults to rolling 100/200 and takes stop-first bounds for a single writer', () => {
    const service = (r: any) => Object.values<any>(r.aws_ecs_service)[0];
    expect(service(synthService({}))).toEqual(expect.objectContaining({ deployment_minimum_healthy_percent: 100, deployment_maximum_percent: 200 }));
    expect(service(synthService({ deployment: { minimumHealthyPercent: 0, maximumPercent: 100 } }))).toEqual(
      expect.objectContaining({ deployment_minimum_healthy_percent: 0, deployment_maximum_percent: 100 }),
    );
  });
});

describe('TenantService container definition escaping', () => {
  test('a command and environment value with quotes, backslashes and %{ survive into the expression', () => {
    // GIVEN values with every character cdktf leaves unescaped
    const command = `printf '%s\\n' "$X" > /f && echo %{not-a-directive}`;
    const resources = synthService({ command: ['sh', command], environment: { X: 'a: "b"\nc: \\d' } });
    // WHEN the expression is read back as Terraform would
    const [container] = decodeContainerDefinitions(Object.values<any>(resources.aws_ecs_task_definition)[0].container_definitions);
    // THEN the values are intact
    expect(container.command).toEqual(['sh', command]);
    expect(container.environment).toEqual([{ name: 'X', value: 'a: "b"\nc: \\d' }]);
  });

  test('expressionLiteral escapes backslash, double quote and template directives only', () => {
    expect(expressionLiteral('a\\b"c%{d}${e}')).toBe('a\\\\b\\"c%%{d}${e}');
  });
});
