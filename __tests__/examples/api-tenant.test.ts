import { Testing } from 'cdktf';
import { PLATFORM_PARAMETERS } from '../../src/contract/platform-parameters';
import { ApiTenantStack } from '../../examples/api-tenant/api-tenant-stack';
import { API_STAGING } from '../../examples/api-tenant/settings';
import { dataSources, resources, synthJson } from '../helpers/synth';

function synthTenant() {
  const stack = new ApiTenantStack(Testing.app(), 'api-staging', API_STAGING);
  return synthJson(stack);
}

describe('example tenant (examples/api-tenant)', () => {
  // GIVEN an app holding nothing but the tenant's stack
  const json = synthTenant();

  test('synthesizes alone and reads every platform value from SSM parameters of the contract', () => {
    const contractNames = new Set(Object.values(PLATFORM_PARAMETERS).map((p) => `/infra/${p.key}`));
    const read = Object.values(dataSources(json, 'aws_ssm_parameter')).map((d) => d.name as string);
    expect(read.length).toBeGreaterThan(5);
    for (const name of read) expect(contractNames).toContain(name);
    expect(Object.keys(json.data).sort()).toEqual(['aws_caller_identity', 'aws_partition', 'aws_region', 'aws_ssm_parameter']);
    expect(JSON.stringify(json)).not.toMatch(/terraform_remote_state|"(vpc|subnet|sg)-[0-9a-f]{8,}"|arn:aws:elasticloadbalancing/);
  });

  test('routes api.<domain> at the registry priority for the example tenant', () => {
    const rule = resources(json, 'aws_lb_listener_rule').api_route_host_rule;
    expect(rule.priority).toBe(1000);
    expect(rule.condition).toEqual([{ host_header: { values: ['api.hari328.net'] } }]);
  });

  test('owns its ECR repository, service, task role and log group, and takes the image as a variable', () => {
    expect(Object.keys(resources(json, 'aws_ecr_repository'))).toEqual(['api_repository']);
    expect(Object.keys(resources(json, 'aws_ecs_service'))).toEqual(['api_service']);
    expect(Object.keys(resources(json, 'aws_iam_role')).sort()).toEqual(['api_roles_execution', 'api_roles_task']);
    expect(resources(json, 'aws_cloudwatch_log_group').api_logs.retention_in_days).toBe(30);
    expect(Object.keys(json.variable ?? {})).toEqual(['api_image']);
  });

  test('keeps its own state under api/<environment>/ in the platform bucket', () => {
    const backend = (json as unknown as { terraform: { backend: { s3: { key: string } } } }).terraform.backend.s3;
    expect(backend.key).toBe('api/dev/terraform.tfstate');
  });
});
