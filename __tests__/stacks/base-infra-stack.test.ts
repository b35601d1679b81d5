import { PLATFORM_PARAMETERS } from '../../src/contract/platform-parameters';
import { ECS_AL2023_AMI_PARAMETER } from '../../src/constructs/compute/ec2-capacity';
import { type Json, platformStacks, resource, resources, synthJson } from '../helpers/synth';

// GIVEN the real app with both environments
const { stacks, envs } = platformStacks();
const staging = synthJson(stacks.baseInfra.staging);
const prod = synthJson(stacks.baseInfra.prod);

describe('base-infra stack', () => {
  it('keeps its state in S3, encrypted and locked, under a key per layer and environment', () => {
    expect(staging.terraform.backend.s3).toEqual({
      bucket: 'atlas-terraform-state-111122223333',
      key: 'base-infra/staging/terraform.tfstate',
      region: 'eu-west-1',
      encrypt: true,
      dynamodb_table: 'atlas-terraform-locks',
    });
    expect(prod.terraform.backend.s3.key).toBe('base-infra/prod/terraform.tfstate');
  });

  it('guards the account and tags everything through default_tags', () => {
    const [provider] = staging.provider.aws;
    expect(provider.allowed_account_ids).toEqual(['111122223333']);
    expect(provider.default_tags[0].tags).toEqual({
      Project: 'atlas',
      Environment: 'dev',
      Layer: 'base-infra',
      ManagedBy: 'cdktf',
      Repository: 'github.com/atlas/platform-infra',
    });
  });

  it('redirects HTTP to HTTPS and answers 404 on HTTPS unless a tenant rule matches', () => {
    const http = resource(staging, 'aws_lb_listener', 'alb_http');
    expect(http.default_action).toEqual([{ type: 'redirect', redirect: { port: '443', protocol: 'HTTPS', status_code: 'HTTP_301' } }]);
    const https = resource(staging, 'aws_lb_listener', 'alb_https');
    expect(https.ssl_policy).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
    expect(https.certificate_arn).toBe('${aws_acm_certificate_validation.dns_validation.certificate_arn}');
    expect(https.default_action[0].fixed_response.status_code).toBe('404');
  });

  it('runs an internet-facing ALB that drops invalid headers and logs to its own bucket', () => {
    const alb = resource(staging, 'aws_lb', 'alb');
    expect(alb).toMatchObject({ internal: false, drop_invalid_header_fields: true, name: 'poc-atlas-dev-alb' });
    expect(alb.access_logs).toEqual({ bucket: '${aws_s3_bucket.alb_access_logs.bucket}', prefix: 'alb', enabled: true });
  });

  it('launches ECS instances from the AL2023 ECS AMI parameter with IMDSv2, encrypted disks and no public IP', () => {
    expect(staging.data.aws_ssm_parameter.ecs_ec2_ami.name).toBe(ECS_AL2023_AMI_PARAMETER);
    const template = resource(staging, 'aws_launch_template', 'ecs_ec2_launch_template');
    expect(template.image_id).toBe('${data.aws_ssm_parameter.ecs_ec2_ami.insecure_value}');
    expect(template.metadata_options).toEqual({ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 });
    expect(template.block_device_mappings[0].ebs.encrypted).toBe('true');
    expect(template.network_interfaces[0].associate_public_ip_address).toBe('false');
    expect(template.instance_type).toBe('t3.medium');
  });

  it('offers Fargate, Fargate Spot and the EC2 capacity provider on a cluster with Container Insights', () => {
    expect(resource(staging, 'aws_ecs_cluster', 'ecs').setting).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
    expect(resource(staging, 'aws_ecs_cluster_capacity_providers', 'ecs_capacity_providers').capacity_providers).toEqual([
      'FARGATE',
      'FARGATE_SPOT',
      '${aws_ecs_capacity_provider.ecs_ec2_capacity_provider.name}',
    ]);
  });

  it('publishes the EC2 capacity provider and its instance type in the SSM contract', () => {
    expect(resource(staging, 'aws_ssm_parameter', 'ssm_ec2_capacity_provider_name')).toMatchObject({
      name: '/infra/ec2-capacity-provider-name',
      value: '${aws_ecs_capacity_provider.ecs_ec2_capacity_provider.name}',
    });
    expect(resource(prod, 'aws_ssm_parameter', 'ssm_ec2_instance_type')).toMatchObject({ name: '/atlas-prod/infra/ec2-instance-type', value: 't3.medium' });
  });

  it('scales the EC2 group from placed tasks, between the bounds each environment configures', () => {
    const provider = resource(staging, 'aws_ecs_capacity_provider', 'ecs_ec2_capacity_provider').auto_scaling_group_provider;
    expect(provider.managed_scaling).toMatchObject({ status: 'ENABLED', target_capacity: 100 });
    expect(provider.managed_termination_protection).toBe('ENABLED');
    for (const [json, env] of [
      [staging, envs[0]],
      [prod, envs[1]],
    ] as const) {
      const group = resource(json, 'aws_autoscaling_group', 'ecs_ec2_auto_scaling_group');
      expect(group.protect_from_scale_in).toBe(true);
      expect([group.min_size, group.max_size]).toEqual([env.compute.minSize, env.compute.maxSize]);
    }
    // staging may scale to zero; prod keeps the instance its EC2 service (Kafka UI) runs on
    expect(envs.map((env) => [env.name, env.compute.minSize, env.atlas.services.kafkaUi.capacity])).toEqual([
      ['staging', 0, 'ec2'],
      ['prod', 1, 'ec2'],
    ]);
  });

  it('closes the default security group and logs all VPC traffic', () => {
    const closed = resource(staging, 'aws_default_security_group', 'network_default_security_group');
    expect(closed.ingress).toBeUndefined();
    expect(closed.egress).toBeUndefined();
    expect(resource(staging, 'aws_flow_log', 'network_flow_log')).toMatchObject({ traffic_type: 'ALL', vpc_id: '${aws_vpc.network.id}' });
  });

  it('never assigns public IPs on launch in any subnet', () => {
    const subnets = Object.values(resources(staging, 'aws_subnet'));
    expect(subnets).toHaveLength(4);
    for (const subnet of subnets) expect(subnet.map_public_ip_on_launch).toBe(false);
  });

  it('writes every parameter of the SSM contract under the environment prefix', () => {
    const written = (json: Json) =>
      Object.values(resources(json, 'aws_ssm_parameter'))
        .map((p) => p.name)
        .sort();
    const keys = Object.values(PLATFORM_PARAMETERS).map((p) => p.key);
    expect(written(staging)).toEqual(keys.map((k) => `/infra/${k}`).sort());
    expect(written(prod)).toEqual(keys.map((k) => `/atlas-prod/infra/${k}`).sort());
    expect(resource(staging, 'aws_ssm_parameter', 'ssm_private_subnet_ids')).toMatchObject({
      type: 'StringList',
      value: '${aws_subnet.network_private_a.id},${aws_subnet.network_private_b.id}',
    });
    expect(resource(staging, 'aws_ssm_parameter', 'ssm_alb_listener_arn').value).toBe('${aws_lb_listener.alb_https.arn}');
  });

  it('takes the Google client secret from a sensitive variable, never from the repository', () => {
    expect(staging.variable.google_client_secret).toMatchObject({ sensitive: true, type: 'string' });
    const idp = resource(staging, 'aws_cognito_identity_provider', 'cognito_google');
    expect(idp.provider_details.client_secret).toBe('${var.google_client_secret}');
  });

  it('gives the ALB app client one callback per protected hostname', () => {
    const client = resource(staging, 'aws_cognito_user_pool_client', 'cognito_alb_client');
    expect(client.callback_urls).toEqual(['https://grafana.hari328.net/oauth2/idpresponse', 'https://prometheus.hari328.net/oauth2/idpresponse', 'https://kafka-ui.hari328.net/oauth2/idpresponse']);
    expect(client.generate_secret).toBe(true);
  });

  it('validates the wildcard certificate through DNS records in the zone', () => {
    expect(resource(staging, 'aws_acm_certificate', 'dns_certificate')).toMatchObject({
      domain_name: '*.hari328.net',
      subject_alternative_names: ['hari328.net'],
      validation_method: 'DNS',
    });
    expect(resource(staging, 'aws_route53_record', 'dns_validation_record').zone_id).toBe('${aws_route53_zone.dns_zone.zone_id}');
  });

  it('alarms the operator topic when the shared ALB itself answers 5xx', () => {
    // GIVEN the ALB 5xx alarm of each environment
    for (const [json, env] of [
      [staging, envs[0]],
      [prod, envs[1]],
    ] as const) {
      const alarm = resource(json, 'aws_cloudwatch_metric_alarm', 'alarms_alb_elb_5xx');
      // THEN it sums the load balancer's own 5xx on the shared ALB, at the configured threshold,
      // and notifies the operator topic on alarm and on recovery
      expect(alarm).toMatchObject({
        alarm_name: `${env.namePrefix}-alb-elb-5xx`,
        namespace: 'AWS/ApplicationELB',
        metric_name: 'HTTPCode_ELB_5XX_Count',
        statistic: 'Sum',
        period: 300,
        threshold: env.loadBalancer.elb5xxAlarmThreshold,
        treat_missing_data: 'notBreaching',
      });
      expect(alarm.dimensions).toEqual({ LoadBalancer: '${aws_lb.alb.arn_suffix}' });
      expect(alarm.alarm_actions).toEqual(['${aws_sns_topic.alerts_topic.arn}']);
      expect(alarm.ok_actions).toEqual(['${aws_sns_topic.alerts_topic.arn}']);
    }
  });

  it('describes every output', () => {
    for (const [name, output] of Object.entries<Json>(staging.output)) {
      expect([name, typeof output.description]).toEqual([name, 'string']);
    }
  });
});
