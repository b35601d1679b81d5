/**
 * The mocked plan of a base-infra stack (`terraform-tests/base-infra-<env>/plan.tftest.hcl`).
 * Mocked IDs are the same in every environment; names, ranges, the domain and what the
 * environment turns on (per-AZ NAT, parent-zone delegation) come from its config, and
 * production-tier guarantees are asserted as fixed values, not read from the config they guard.
 */
import { parentDomain } from '../../config/rules';
import type { EnvironmentConfig } from '../../config/schema';
import { alignedMap, hcl, when } from './hcl';

export function renderBaseInfraPlan(env: EnvironmentConfig, configFile: string): string {
  const stack = `base-infra-${env.name}`;
  const { namePrefix: p, ssmPrefix: ssm } = env;
  const { region: r, accountId: a } = env.aws;
  const d = env.dns.domain;
  const net = env.network;
  const perAzNat = net.natGateways > 1;
  const parentZone = env.dns.delegation === 'parent-zone';
  const production = env.tier === 'production';
  const albArn = `arn:aws:elasticloadbalancing:${r}:${a}:loadbalancer/app/${p}-alb/50dc6c495c0c9188`;
  const listenerArn = `arn:aws:elasticloadbalancing:${r}:${a}:listener/app/${p}-alb/50dc6c495c0c9188/f2f7dc8efc522ab2`;
  const certificateArn = `arn:aws:acm:${r}:${a}:certificate/0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d`;
  const asgArn = `arn:aws:autoscaling:${r}:${a}:autoScalingGroup:0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d:autoScalingGroupName/${p}-ecs`;
  const topicArn = `arn:aws:sns:${r}:${a}:${p}-operator-alerts`;
  const keyArn = `arn:aws:kms:${r}:${a}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const flowLogArn = `arn:aws:logs:${r}:${a}:log-group:/vpc/${p}-flow-logs`;
  const userPoolId = `${r}_AbCdEf123`;
  const compute = env.compute;
  const scrapeNamespace = `scrape.${p}.internal`;
  const cloudMapServiceArn = `arn:aws:servicediscovery:${r}:${a}:service/srv-0a1b2c3d4e5f6a7b8`;
  const ssmContract: [string, string][] = [
    ['vpc-id', 'vpc-0a1b2c3d4e5f60718'],
    ['vpc-cidr', net.vpcCidr],
    ['public-subnet-ids', 'subnet-0public0000000000a,subnet-0public0000000000b'],
    ['private-subnet-ids', 'subnet-0private000000000a,subnet-0private000000000b'],
    ['hosted-zone-id', 'Z0123456789ABCDEFGHIJ'],
    ['domain-name', d],
    ['acm-cert-arn', certificateArn],
    ['alb-arn', albArn],
    ['alb-dns-name', `${p}-alb-1234567890.${r}.elb.amazonaws.com`],
    ['alb-zone-id', 'Z32O12XQLNTSW2'],
    ['alb-security-group-id', 'sg-0a1b2c3d4e5f60718'],
    ['alb-listener-arn', listenerArn],
    ['cluster-arn', `arn:aws:ecs:${r}:${a}:cluster/${p}-cluster`],
    ['cluster-name', `${p}-cluster`],
    ['ec2-capacity-provider-name', `${p}-ec2`],
    ['ec2-instance-type', compute.instanceType],
    ['efs-id', 'fs-0a1b2c3d4e5f60718'],
    ['efs-client-security-group-id', 'sg-0a1b2c3d4e5f60718'],
    ['operator-topic-arn', topicArn],
    ['operator-topic-kms-key-arn', keyArn],
    ['cognito-user-pool-arn', `arn:aws:cognito-idp:${r}:${a}:userpool/${userPoolId}`],
    ['cognito-user-pool-client-id', '1example23456789abcdefghij'],
    ['cognito-user-pool-domain', env.identity.cognitoDomainPrefix],
    ['metrics-registry-arn', cloudMapServiceArn],
    ['actuator-prometheus-registry-arn', cloudMapServiceArn],
    ['metrics-scraper-security-group-id', 'sg-0a1b2c3d4e5f60718'],
  ];

  return hcl`# Mocked plan of ${stack}: the whole synthesized stack is planned offline against a
# mocked AWS provider (Terraform 1.7+ test framework; override_during needs 1.11). The Terraform
# tier copies this file into cdktf.out/stacks/${stack}/tests/ and runs \`terraform test\`.
#
# Mocked values are shaped like the real ones (IDs with their prefixes, ARNs that parse), because
# the provider validates them once references resolve: an ARN argument fed a malformed value, a
# policy document that does not encode or a broken reference fails this plan.

mock_provider "aws" {
  # ARNs the stack builds take the partition from the provider (arn:aws:... in ${r}).
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  # Use the mocked computed values while planning, so references, jsonencode'd policies and
  # the SSM values are evaluated instead of staying "known after apply".
  override_during = plan

  mock_data "aws_elb_service_account" {
    defaults = { id = "156460612806", arn = "arn:aws:iam::156460612806:root" }
  }
  mock_data "aws_ssm_parameter" {
    defaults = { type = "String", value = "ami-0a1b2c3d4e5f67890", insecure_value = "ami-0a1b2c3d4e5f67890" }
  }

  mock_resource "aws_vpc" {
    defaults = { id = "vpc-0a1b2c3d4e5f60718", arn = "arn:aws:ec2:${r}:${a}:vpc/vpc-0a1b2c3d4e5f60718" }
  }
  mock_resource "aws_internet_gateway" {
    defaults = { id = "igw-0a1b2c3d4e5f60718" }
  }
  mock_resource "aws_eip" {
    defaults = { id = "eipalloc-0a1b2c3d4e5f60718", allocation_id = "eipalloc-0a1b2c3d4e5f60718" }
  }
  mock_resource "aws_nat_gateway" {
    defaults = { id = "nat-0a1b2c3d4e5f60718" }
  }
  mock_resource "aws_route_table" {
    defaults = { id = "rtb-0a1b2c3d4e5f60718" }
  }
  mock_resource "aws_security_group" {
    defaults = { id = "sg-0a1b2c3d4e5f60718", arn = "arn:aws:ec2:${r}:${a}:security-group/sg-0a1b2c3d4e5f60718" }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "${flowLogArn}" }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::${a}:role/${p}-role", unique_id = "AROA1234567890EXAMPLE" }
  }
  mock_resource "aws_iam_instance_profile" {
    defaults = { arn = "arn:aws:iam::${a}:instance-profile/${p}-ecs-instance" }
  }
  mock_resource "aws_launch_template" {
    defaults = { id = "lt-0a1b2c3d4e5f60718", arn = "arn:aws:ec2:${r}:${a}:launch-template/lt-0a1b2c3d4e5f60718" }
  }
  mock_resource "aws_autoscaling_group" {
    defaults = { arn = "${asgArn}" }
  }
  mock_resource "aws_ecs_cluster" {
    defaults = { arn = "arn:aws:ecs:${r}:${a}:cluster/${p}-cluster" }
  }
  mock_resource "aws_service_discovery_private_dns_namespace" {
    defaults = { id = "ns-0a1b2c3d4e5f6a7b8", arn = "arn:aws:servicediscovery:${r}:${a}:namespace/ns-0a1b2c3d4e5f6a7b8" }
  }
  mock_resource "aws_service_discovery_service" {
    defaults = { id = "srv-0a1b2c3d4e5f6a7b8", arn = "${cloudMapServiceArn}" }
  }
  mock_resource "aws_route53_zone" {
    defaults = {
      zone_id      = "Z0123456789ABCDEFGHIJ"
      arn          = "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ"
      name_servers = ["ns-1.awsdns-01.org", "ns-2.awsdns-02.co.uk", "ns-3.awsdns-03.com", "ns-4.awsdns-04.net"]
    }
  }
  ${when(
    parentZone,
    hcl`
  # The parent zone (${parentDomain(d)}) the delegation record is written into.
  mock_data "aws_route53_zone" {
    defaults = { zone_id = "Z0PARENTZONE0000000000", name = "${parentDomain(d)}" }
  }`,
  )}
  mock_resource "aws_acm_certificate" {
    # The real provider knows these at plan time (from domain_name and the SANs); the DNS
    # validation records are keyed by them. Wildcard and apex share one validation record.
    defaults = {
      arn = "${certificateArn}"
      domain_validation_options = [
        { domain_name = "*.${d}", resource_record_name = "_3f1a.${d}.", resource_record_type = "CNAME", resource_record_value = "_9c2b.acm-validations.aws." },
        { domain_name = "${d}", resource_record_name = "_3f1a.${d}.", resource_record_type = "CNAME", resource_record_value = "_9c2b.acm-validations.aws." },
      ]
    }
  }
  mock_resource "aws_route53_record" {
    defaults = { fqdn = "_3f1a.${d}" }
  }
  mock_resource "aws_s3_bucket" {
    defaults = { id = "${p}-alb-logs-${a}", arn = "arn:aws:s3:::${p}-alb-logs-${a}" }
  }
  mock_resource "aws_lb" {
    defaults = {
      arn        = "${albArn}"
      arn_suffix = "app/${p}-alb/50dc6c495c0c9188"
      dns_name   = "${p}-alb-1234567890.${r}.elb.amazonaws.com"
      zone_id    = "Z32O12XQLNTSW2"
    }
  }
  mock_resource "aws_lb_listener" {
    defaults = { arn = "${listenerArn}" }
  }
  mock_resource "aws_efs_file_system" {
    defaults = { id = "fs-0a1b2c3d4e5f60718", arn = "arn:aws:elasticfilesystem:${r}:${a}:file-system/fs-0a1b2c3d4e5f60718" }
  }
  mock_resource "aws_cognito_user_pool" {
    defaults = { id = "${userPoolId}", arn = "arn:aws:cognito-idp:${r}:${a}:userpool/${userPoolId}" }
  }
  mock_resource "aws_cognito_user_pool_client" {
    defaults = { id = "1example23456789abcdefghij" }
  }
  mock_resource "aws_kms_key" {
    defaults = { key_id = "1234abcd-12ab-34cd-56ef-1234567890ab", arn = "${keyArn}" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "${topicArn}" }
  }
}

# Distinct subnet IDs, so the subnet lists written to SSM can be checked element by element.
override_resource {
  target          = aws_subnet.network_public_a
  override_during = plan
  values          = { id = "subnet-0public0000000000a" }
}
override_resource {
  target          = aws_subnet.network_public_b
  override_during = plan
  values          = { id = "subnet-0public0000000000b" }
}
override_resource {
  target          = aws_subnet.network_private_a
  override_during = plan
  values          = { id = "subnet-0private000000000a" }
}
override_resource {
  target          = aws_subnet.network_private_b
  override_during = plan
  values          = { id = "subnet-0private000000000b" }
}
${when(
  perAzNat,
  hcl`
# One NAT gateway per AZ in ${env.name}: distinct IDs show which route table uses which.
override_resource {
  target          = aws_nat_gateway.network_nat_a_gateway
  override_during = plan
  values          = { id = "nat-0a1b2c3d4e5f6000a" }
}
override_resource {
  target          = aws_nat_gateway.network_nat_b_gateway
  override_during = plan
  values          = { id = "nat-0a1b2c3d4e5f6000b" }
}`,
)}
# The HTTPS listener gets its own ARN, so the SSM check below tells it apart from the :80 one.
override_resource {
  target          = aws_lb_listener.alb_http
  override_during = plan
  values          = { arn = "arn:aws:elasticloadbalancing:${r}:${a}:listener/app/${p}-alb/50dc6c495c0c9188/0000000000000080" }
}

variables {
  google_client_secret = "mock-google-client-secret"
}

run "plan" {
  command = plan

  # ---- edge -----------------------------------------------------------------------------------
  assert {
    condition = (
      aws_lb_listener.alb_http.port == 80 &&
      one(aws_lb_listener.alb_http.default_action).type == "redirect" &&
      one(one(aws_lb_listener.alb_http.default_action).redirect).port == "443" &&
      one(one(aws_lb_listener.alb_http.default_action).redirect).protocol == "HTTPS" &&
      one(one(aws_lb_listener.alb_http.default_action).redirect).status_code == "HTTP_301"
    )
    error_message = "the :80 listener must redirect every request to HTTPS :443 with a 301"
  }
  assert {
    condition = (
      aws_lb_listener.alb_https.protocol == "HTTPS" &&
      aws_lb_listener.alb_https.ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06" &&
      aws_lb_listener.alb_https.certificate_arn == "${certificateArn}" &&
      one(one(aws_lb_listener.alb_https.default_action).fixed_response).status_code == "404"
    )
    error_message = "the :443 listener uses the validated certificate, the TLS 1.2+/1.3 policy and answers 404 by default"
  }
  assert {
    condition     = aws_lb.alb.drop_invalid_header_fields && !aws_lb.alb.internal && aws_lb.alb.subnets == toset(["subnet-0public0000000000a", "subnet-0public0000000000b"])
    error_message = "the ALB is internet-facing in both public subnets and drops invalid headers"
  }
  ${when(
    production,
    hcl`
  assert {
    condition     = aws_lb.alb.enable_deletion_protection
    error_message = "the ${env.name} ALB has deletion protection"
  }`,
  )}
  assert {
    condition     = one(aws_lb.alb.access_logs).enabled && one(aws_lb.alb.access_logs).bucket == aws_s3_bucket.alb_access_logs.bucket
    error_message = "ALB access logs go to the access-log bucket"
  }
  assert {
    condition = contains(jsondecode(aws_s3_bucket_policy.alb_access_logs_policy.policy).Statement, {
      Sid       = "AllowAlbLogDelivery"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::156460612806:root", Service = "logdelivery.elasticloadbalancing.amazonaws.com" }
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::${p}-alb-logs-${a}/alb/AWSLogs/${a}/*"
    })
    error_message = "the access-log bucket policy lets the regional ELB account deliver logs under alb/"
  }
  assert {
    condition     = length(aws_route53_record.dns_validation_record) == 2 && aws_acm_certificate_validation.dns_validation.validation_record_fqdns == toset(["_3f1a.${d}"])
    error_message = "one DNS validation record per certificate name, all waited for by the validation"
  }
  ${when(
    parentZone,
    hcl`
  assert {
    condition = (
      aws_route53_record.dns_delegation.zone_id == "Z0PARENTZONE0000000000" && aws_route53_record.dns_delegation.name == "${d}" &&
      aws_route53_record.dns_delegation.type == "NS" && toset(aws_route53_record.dns_delegation.records) == toset(aws_route53_zone.dns_zone.name_servers)
    )
    error_message = "the zone is delegated by an NS record of its name servers in the parent zone"
  }`,
  )}
  assert {
    condition     = output.hosted_zone_name_servers == aws_route53_zone.dns_zone.name_servers
    error_message = "the zone's name servers are an output"
  }

  # ---- network --------------------------------------------------------------------------------
  assert {
    condition     = aws_vpc.network.cidr_block == "${net.vpcCidr}" && aws_subnet.network_private_a.cidr_block == "${net.privateSubnetCidrs[0]}" && aws_subnet.network_private_b.cidr_block == "${net.privateSubnetCidrs[1]}"
    error_message = "${env.name} keeps its VPC and private subnet ranges"
  }
  ${when(
    !perAzNat,
    hcl`
  assert {
    condition     = length(aws_nat_gateway.network_nat_a_gateway.id) > 0 && aws_route.network_private_b_nat.nat_gateway_id == aws_nat_gateway.network_nat_a_gateway.id
    error_message = "${env.name} has one NAT gateway that both private route tables use"
  }`,
  )}
  ${when(
    perAzNat,
    hcl`
  assert {
    condition = (
      aws_route.network_private_a_nat.nat_gateway_id == "nat-0a1b2c3d4e5f6000a" &&
      aws_route.network_private_b_nat.nat_gateway_id == "nat-0a1b2c3d4e5f6000b"
    )
    error_message = "${env.name} has one NAT gateway per AZ, each private route table using its own zone's"
  }`,
  )}
  assert {
    condition     = aws_flow_log.network_flow_log.traffic_type == "ALL" && aws_flow_log.network_flow_log.log_destination == "${flowLogArn}"
    error_message = "VPC flow logs record all traffic into the flow-log group"
  }

  # ---- compute --------------------------------------------------------------------------------
  assert {
    condition     = aws_launch_template.ecs_ec2_launch_template.image_id == "ami-0a1b2c3d4e5f67890" && one(aws_launch_template.ecs_ec2_launch_template.metadata_options).http_tokens == "required"
    error_message = "the launch template takes the AMI from the ECS-optimized SSM parameter and requires IMDSv2"
  }
  assert {
    condition     = data.aws_ssm_parameter.ecs_ec2_ami.name == "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"
    error_message = "the AMI comes from the public ECS-optimized Amazon Linux 2023 parameter"
  }
  assert {
    condition     = one(aws_ecs_capacity_provider.ecs_ec2_capacity_provider.auto_scaling_group_provider).auto_scaling_group_arn == "${asgArn}"
    error_message = "the EC2 capacity provider is bound to the auto scaling group"
  }
  assert {
    condition     = aws_iam_role_policy_attachment.ecs_ec2_instance_role_ssm_session.policy_arn == "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
    error_message = "the instance role's managed policy ARN is built in the provider's partition"
  }
  assert {
    condition     = one(one(aws_ecs_capacity_provider.ecs_ec2_capacity_provider.auto_scaling_group_provider).managed_scaling).status == "ENABLED" && one(one(aws_ecs_capacity_provider.ecs_ec2_capacity_provider.auto_scaling_group_provider).managed_scaling).target_capacity == 100
    error_message = "managed scaling sizes the group from the tasks placed on it, with no spare instance"
  }
  assert {
    condition     = one(aws_ecs_capacity_provider.ecs_ec2_capacity_provider.auto_scaling_group_provider).managed_termination_protection == "ENABLED" && aws_autoscaling_group.ecs_ec2_auto_scaling_group.protect_from_scale_in == true
    error_message = "ECS decides which instance may go (managed termination protection needs scale-in protection on the group)"
  }
  assert {
    condition     = aws_autoscaling_group.ecs_ec2_auto_scaling_group.min_size == ${compute.minSize} && aws_autoscaling_group.ecs_ec2_auto_scaling_group.max_size == ${compute.maxSize}
    error_message = "the group's bounds come from compute.minSize and compute.maxSize in ${configFile}"
  }

  # ---- SSM contract (keys and values Layer 2 reads) -------------------------------------------
  assert {
    condition = {
      for p in [
        aws_ssm_parameter.ssm_vpc_id,
        aws_ssm_parameter.ssm_vpc_cidr,
        aws_ssm_parameter.ssm_public_subnet_ids,
        aws_ssm_parameter.ssm_private_subnet_ids,
        aws_ssm_parameter.ssm_hosted_zone_id,
        aws_ssm_parameter.ssm_domain_name,
        aws_ssm_parameter.ssm_acm_cert_arn,
        aws_ssm_parameter.ssm_alb_arn,
        aws_ssm_parameter.ssm_alb_dns_name,
        aws_ssm_parameter.ssm_alb_zone_id,
        aws_ssm_parameter.ssm_alb_security_group_id,
        aws_ssm_parameter.ssm_alb_listener_arn,
        aws_ssm_parameter.ssm_cluster_arn,
        aws_ssm_parameter.ssm_cluster_name,
        aws_ssm_parameter.ssm_ec2_capacity_provider_name,
        aws_ssm_parameter.ssm_ec2_instance_type,
        aws_ssm_parameter.ssm_efs_id,
        aws_ssm_parameter.ssm_efs_client_security_group_id,
        aws_ssm_parameter.ssm_operator_topic_arn,
        aws_ssm_parameter.ssm_operator_topic_kms_key_arn,
        aws_ssm_parameter.ssm_cognito_user_pool_arn,
        aws_ssm_parameter.ssm_cognito_user_pool_client_id,
        aws_ssm_parameter.ssm_cognito_user_pool_domain,
        aws_ssm_parameter.ssm_metrics_registry_arn,
        aws_ssm_parameter.ssm_actuator_prometheus_registry_arn,
        aws_ssm_parameter.ssm_metrics_scraper_security_group_id,
      ] : p.name => nonsensitive(p.value)
      } == {
${alignedMap(
  ssmContract.map(([key, value]) => [`${ssm}/${key}`, value]),
  '      ',
)}
    }
    error_message = "base-infra writes every SSM key of the contract, with the values Layer 2 expects"
  }
  assert {
    condition     = aws_ssm_parameter.ssm_private_subnet_ids.type == "StringList" && aws_ssm_parameter.ssm_public_subnet_ids.type == "StringList"
    error_message = "subnet ID lists are StringList parameters"
  }

  # ---- scrape targets (applications Prometheus scrapes) ------------------------------------------
  assert {
    condition = (
      aws_service_discovery_private_dns_namespace.scrape_targets_namespace.name == "${scrapeNamespace}" &&
      aws_service_discovery_private_dns_namespace.scrape_targets_namespace.vpc == "vpc-0a1b2c3d4e5f60718" &&
      alltrue([for s in [aws_service_discovery_service.scrape_targets_metrics, aws_service_discovery_service.scrape_targets_actuator_prometheus] :
        one(s.dns_config).namespace_id == "ns-0a1b2c3d4e5f6a7b8" && one(s.dns_config).routing_policy == "MULTIVALUE" && one(s.dns_config).dns_records[0].type == "SRV"
      ]) &&
      [aws_service_discovery_service.scrape_targets_metrics.name, aws_service_discovery_service.scrape_targets_actuator_prometheus.name] == ["metrics", "actuator-prometheus"]
    )
    error_message = "Layer 1 has one SRV Cloud Map service per metrics path in ${scrapeNamespace} in the shared VPC"
  }
  assert {
    condition = (
      length(aws_security_group.scrape_targets_scraper_security_group.egress) == 1 &&
      alltrue([for e in aws_security_group.scrape_targets_scraper_security_group.egress : e.protocol == "tcp" && e.from_port == 0 && e.to_port == 65535 && e.cidr_blocks == tolist(["${net.vpcCidr}"])]) &&
      length(aws_security_group.scrape_targets_scraper_security_group.ingress) == 0
    )
    error_message = "the metrics-scraper group may open TCP connections into the VPC only, and admits nothing"
  }

  # ---- alerting and outputs -------------------------------------------------------------------
  assert {
    condition     = aws_sns_topic.alerts_topic.kms_master_key_id == "${keyArn}"
    error_message = "the operator topic is encrypted with its own KMS key"
  }
  assert {
    condition = (
      aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.namespace == "AWS/ApplicationELB" &&
      aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.metric_name == "HTTPCode_ELB_5XX_Count" &&
      aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.statistic == "Sum" &&
      aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.dimensions == tomap({ LoadBalancer = "app/${p}-alb/50dc6c495c0c9188" })
    )
    error_message = "the ALB 5xx alarm sums the load balancer's own 5xx on the shared ALB"
  }
  assert {
    condition = (
      contains(aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.alarm_actions, "${topicArn}") &&
      contains(aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.ok_actions, "${topicArn}")
    )
    error_message = "the ALB 5xx alarm notifies the operator topic on alarm and on recovery"
  }
  assert {
    condition     = output.https_listener_arn == nonsensitive(aws_ssm_parameter.ssm_alb_listener_arn.value)
    error_message = "the https_listener_arn output and the SSM parameter name the same listener"
  }
}
`;
}
