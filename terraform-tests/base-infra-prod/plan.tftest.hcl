# Mocked plan of base-infra-prod: the whole synthesized stack is planned offline against a
# mocked AWS provider (Terraform 1.7+ test framework; override_during needs 1.11). The Terraform
# tier copies this file into cdktf.out/stacks/base-infra-prod/tests/ and runs `terraform test`.
#
# Mocked values are shaped like the real ones (IDs with their prefixes, ARNs that parse), because
# the provider validates them once references resolve: an ARN argument fed a malformed value, a
# policy document that does not encode or a broken reference fails this plan.

mock_provider "aws" {
  # ARNs the stack builds take the partition from the provider (arn:aws:... in eu-west-1).
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
    defaults = { id = "vpc-0a1b2c3d4e5f60718", arn = "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0a1b2c3d4e5f60718" }
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
    defaults = { id = "sg-0a1b2c3d4e5f60718", arn = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a1b2c3d4e5f60718" }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/vpc/atlas-prod-flow-logs" }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::111122223333:role/atlas-prod-role", unique_id = "AROA1234567890EXAMPLE" }
  }
  mock_resource "aws_iam_instance_profile" {
    defaults = { arn = "arn:aws:iam::111122223333:instance-profile/atlas-prod-ecs-instance" }
  }
  mock_resource "aws_launch_template" {
    defaults = { id = "lt-0a1b2c3d4e5f60718", arn = "arn:aws:ec2:eu-west-1:111122223333:launch-template/lt-0a1b2c3d4e5f60718" }
  }
  mock_resource "aws_autoscaling_group" {
    defaults = { arn = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d:autoScalingGroupName/atlas-prod-ecs" }
  }
  mock_resource "aws_ecs_cluster" {
    defaults = { arn = "arn:aws:ecs:eu-west-1:111122223333:cluster/atlas-prod-cluster" }
  }
  mock_resource "aws_service_discovery_private_dns_namespace" {
    defaults = { id = "ns-0a1b2c3d4e5f6a7b8", arn = "arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-0a1b2c3d4e5f6a7b8" }
  }
  mock_resource "aws_service_discovery_service" {
    defaults = { id = "srv-0a1b2c3d4e5f6a7b8", arn = "arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-0a1b2c3d4e5f6a7b8" }
  }
  mock_resource "aws_route53_zone" {
    defaults = {
      zone_id      = "Z0123456789ABCDEFGHIJ"
      arn          = "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ"
      name_servers = ["ns-1.awsdns-01.org", "ns-2.awsdns-02.co.uk", "ns-3.awsdns-03.com", "ns-4.awsdns-04.net"]
    }
  }
  # The parent zone (staging's hari328.net) the delegation record is written into.
  mock_data "aws_route53_zone" {
    defaults = { zone_id = "Z0PARENTZONE0000000000", name = "hari328.net" }
  }
  mock_resource "aws_acm_certificate" {
    # The real provider knows these at plan time (from domain_name and the SANs); the DNS
    # validation records are keyed by them. Wildcard and apex share one validation record.
    defaults = {
      arn = "arn:aws:acm:eu-west-1:111122223333:certificate/0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"
      domain_validation_options = [
        { domain_name = "*.atlas.hari328.net", resource_record_name = "_3f1a.atlas.hari328.net.", resource_record_type = "CNAME", resource_record_value = "_9c2b.acm-validations.aws." },
        { domain_name = "atlas.hari328.net", resource_record_name = "_3f1a.atlas.hari328.net.", resource_record_type = "CNAME", resource_record_value = "_9c2b.acm-validations.aws." },
      ]
    }
  }
  mock_resource "aws_route53_record" {
    defaults = { fqdn = "_3f1a.atlas.hari328.net" }
  }
  mock_resource "aws_s3_bucket" {
    defaults = { id = "atlas-prod-alb-logs-111122223333", arn = "arn:aws:s3:::atlas-prod-alb-logs-111122223333" }
  }
  mock_resource "aws_lb" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/atlas-prod-alb/50dc6c495c0c9188"
      arn_suffix = "app/atlas-prod-alb/50dc6c495c0c9188"
      dns_name   = "atlas-prod-alb-1234567890.eu-west-1.elb.amazonaws.com"
      zone_id    = "Z32O12XQLNTSW2"
    }
  }
  mock_resource "aws_lb_listener" {
    defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/atlas-prod-alb/50dc6c495c0c9188/f2f7dc8efc522ab2" }
  }
  mock_resource "aws_efs_file_system" {
    defaults = { id = "fs-0a1b2c3d4e5f60718", arn = "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0a1b2c3d4e5f60718" }
  }
  mock_resource "aws_cognito_user_pool" {
    defaults = { id = "eu-west-1_AbCdEf123", arn = "arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_AbCdEf123" }
  }
  mock_resource "aws_cognito_user_pool_client" {
    defaults = { id = "1example23456789abcdefghij" }
  }
  mock_resource "aws_kms_key" {
    defaults = { key_id = "1234abcd-12ab-34cd-56ef-1234567890ab", arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:eu-west-1:111122223333:atlas-prod-operator-alerts" }
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
# One NAT gateway per AZ in prod: distinct IDs show which route table uses which.
override_resource {
  target          = aws_nat_gateway.network_nat_a_gateway
  override_during = plan
  values          = { id = "nat-0a1b2c3d4e5f6000a" }
}
override_resource {
  target          = aws_nat_gateway.network_nat_b_gateway
  override_during = plan
  values          = { id = "nat-0a1b2c3d4e5f6000b" }
}
# The HTTPS listener gets its own ARN, so the SSM check below tells it apart from the :80 one.
override_resource {
  target          = aws_lb_listener.alb_http
  override_during = plan
  values          = { arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/atlas-prod-alb/50dc6c495c0c9188/0000000000000080" }
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
      aws_lb_listener.alb_https.certificate_arn == "arn:aws:acm:eu-west-1:111122223333:certificate/0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d" &&
      one(one(aws_lb_listener.alb_https.default_action).fixed_response).status_code == "404"
    )
    error_message = "the :443 listener uses the validated certificate, the TLS 1.2+/1.3 policy and answers 404 by default"
  }
  assert {
    condition     = aws_lb.alb.drop_invalid_header_fields && !aws_lb.alb.internal && aws_lb.alb.subnets == toset(["subnet-0public0000000000a", "subnet-0public0000000000b"])
    error_message = "the ALB is internet-facing in both public subnets and drops invalid headers"
  }
  assert {
    condition     = aws_lb.alb.enable_deletion_protection
    error_message = "the prod ALB has deletion protection"
  }
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
      Resource  = "arn:aws:s3:::atlas-prod-alb-logs-111122223333/alb/AWSLogs/111122223333/*"
    })
    error_message = "the access-log bucket policy lets the regional ELB account deliver logs under alb/"
  }
  assert {
    condition     = length(aws_route53_record.dns_validation_record) == 2 && aws_acm_certificate_validation.dns_validation.validation_record_fqdns == toset(["_3f1a.atlas.hari328.net"])
    error_message = "one DNS validation record per certificate name, all waited for by the validation"
  }
  assert {
    condition = (
      aws_route53_record.dns_delegation.zone_id == "Z0PARENTZONE0000000000" && aws_route53_record.dns_delegation.name == "atlas.hari328.net" &&
      aws_route53_record.dns_delegation.type == "NS" && toset(aws_route53_record.dns_delegation.records) == toset(aws_route53_zone.dns_zone.name_servers)
    )
    error_message = "the zone is delegated by an NS record of its name servers in the parent zone"
  }
  assert {
    condition     = output.hosted_zone_name_servers == aws_route53_zone.dns_zone.name_servers
    error_message = "the zone's name servers are an output"
  }

  # ---- network --------------------------------------------------------------------------------
  assert {
    condition     = aws_vpc.network.cidr_block == "10.30.0.0/16" && aws_subnet.network_private_a.cidr_block == "10.30.10.0/24" && aws_subnet.network_private_b.cidr_block == "10.30.11.0/24"
    error_message = "prod keeps its VPC and private subnet ranges"
  }
  assert {
    condition = (
      aws_route.network_private_a_nat.nat_gateway_id == "nat-0a1b2c3d4e5f6000a" &&
      aws_route.network_private_b_nat.nat_gateway_id == "nat-0a1b2c3d4e5f6000b"
    )
    error_message = "prod has one NAT gateway per AZ, each private route table using its own zone's"
  }
  assert {
    condition     = aws_flow_log.network_flow_log.traffic_type == "ALL" && aws_flow_log.network_flow_log.log_destination == "arn:aws:logs:eu-west-1:111122223333:log-group:/vpc/atlas-prod-flow-logs"
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
    condition     = one(aws_ecs_capacity_provider.ecs_ec2_capacity_provider.auto_scaling_group_provider).auto_scaling_group_arn == "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d:autoScalingGroupName/atlas-prod-ecs"
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
    condition     = aws_autoscaling_group.ecs_ec2_auto_scaling_group.min_size == 1 && aws_autoscaling_group.ecs_ec2_auto_scaling_group.max_size == 4
    error_message = "the group's bounds come from compute.minSize and compute.maxSize in src/config/prod.ts"
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
      "/atlas-prod/infra/vpc-id"                            = "vpc-0a1b2c3d4e5f60718"
      "/atlas-prod/infra/vpc-cidr"                          = "10.30.0.0/16"
      "/atlas-prod/infra/public-subnet-ids"                 = "subnet-0public0000000000a,subnet-0public0000000000b"
      "/atlas-prod/infra/private-subnet-ids"                = "subnet-0private000000000a,subnet-0private000000000b"
      "/atlas-prod/infra/hosted-zone-id"                    = "Z0123456789ABCDEFGHIJ"
      "/atlas-prod/infra/domain-name"                       = "atlas.hari328.net"
      "/atlas-prod/infra/acm-cert-arn"                      = "arn:aws:acm:eu-west-1:111122223333:certificate/0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"
      "/atlas-prod/infra/alb-arn"                           = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/atlas-prod-alb/50dc6c495c0c9188"
      "/atlas-prod/infra/alb-dns-name"                      = "atlas-prod-alb-1234567890.eu-west-1.elb.amazonaws.com"
      "/atlas-prod/infra/alb-zone-id"                       = "Z32O12XQLNTSW2"
      "/atlas-prod/infra/alb-security-group-id"             = "sg-0a1b2c3d4e5f60718"
      "/atlas-prod/infra/alb-listener-arn"                  = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/atlas-prod-alb/50dc6c495c0c9188/f2f7dc8efc522ab2"
      "/atlas-prod/infra/cluster-arn"                       = "arn:aws:ecs:eu-west-1:111122223333:cluster/atlas-prod-cluster"
      "/atlas-prod/infra/cluster-name"                      = "atlas-prod-cluster"
      "/atlas-prod/infra/ec2-capacity-provider-name"        = "atlas-prod-ec2"
      "/atlas-prod/infra/ec2-instance-type"                 = "t3.medium"
      "/atlas-prod/infra/efs-id"                            = "fs-0a1b2c3d4e5f60718"
      "/atlas-prod/infra/efs-client-security-group-id"      = "sg-0a1b2c3d4e5f60718"
      "/atlas-prod/infra/operator-topic-arn"                = "arn:aws:sns:eu-west-1:111122223333:atlas-prod-operator-alerts"
      "/atlas-prod/infra/operator-topic-kms-key-arn"        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      "/atlas-prod/infra/cognito-user-pool-arn"             = "arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_AbCdEf123"
      "/atlas-prod/infra/cognito-user-pool-client-id"       = "1example23456789abcdefghij"
      "/atlas-prod/infra/cognito-user-pool-domain"          = "atlas-prod-auth"
      "/atlas-prod/infra/metrics-registry-arn"              = "arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-0a1b2c3d4e5f6a7b8"
      "/atlas-prod/infra/actuator-prometheus-registry-arn"  = "arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-0a1b2c3d4e5f6a7b8"
      "/atlas-prod/infra/metrics-scraper-security-group-id" = "sg-0a1b2c3d4e5f60718"
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
      aws_service_discovery_private_dns_namespace.scrape_targets_namespace.name == "scrape.atlas-prod.internal" &&
      aws_service_discovery_private_dns_namespace.scrape_targets_namespace.vpc == "vpc-0a1b2c3d4e5f60718" &&
      alltrue([for s in [aws_service_discovery_service.scrape_targets_metrics, aws_service_discovery_service.scrape_targets_actuator_prometheus] :
        one(s.dns_config).namespace_id == "ns-0a1b2c3d4e5f6a7b8" && one(s.dns_config).routing_policy == "MULTIVALUE" && one(s.dns_config).dns_records[0].type == "SRV"
      ]) &&
      [aws_service_discovery_service.scrape_targets_metrics.name, aws_service_discovery_service.scrape_targets_actuator_prometheus.name] == ["metrics", "actuator-prometheus"]
    )
    error_message = "Layer 1 has one SRV Cloud Map service per metrics path in scrape.atlas-prod.internal in the shared VPC"
  }
  assert {
    condition = (
      length(aws_security_group.scrape_targets_scraper_security_group.egress) == 1 &&
      alltrue([for e in aws_security_group.scrape_targets_scraper_security_group.egress : e.protocol == "tcp" && e.from_port == 0 && e.to_port == 65535 && e.cidr_blocks == tolist(["10.30.0.0/16"])]) &&
      length(aws_security_group.scrape_targets_scraper_security_group.ingress) == 0
    )
    error_message = "the metrics-scraper group may open TCP connections into the VPC only, and admits nothing"
  }

  # ---- alerting and outputs -------------------------------------------------------------------
  assert {
    condition     = aws_sns_topic.alerts_topic.kms_master_key_id == "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    error_message = "the operator topic is encrypted with its own KMS key"
  }
  assert {
    condition = (
      aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.namespace == "AWS/ApplicationELB" &&
      aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.metric_name == "HTTPCode_ELB_5XX_Count" &&
      aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.statistic == "Sum" &&
      aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.dimensions == tomap({ LoadBalancer = "app/atlas-prod-alb/50dc6c495c0c9188" })
    )
    error_message = "the ALB 5xx alarm sums the load balancer's own 5xx on the shared ALB"
  }
  assert {
    condition = (
      contains(aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.alarm_actions, "arn:aws:sns:eu-west-1:111122223333:atlas-prod-operator-alerts") &&
      contains(aws_cloudwatch_metric_alarm.alarms_alb_elb_5xx.ok_actions, "arn:aws:sns:eu-west-1:111122223333:atlas-prod-operator-alerts")
    )
    error_message = "the ALB 5xx alarm notifies the operator topic on alarm and on recovery"
  }
  assert {
    condition     = output.https_listener_arn == nonsensitive(aws_ssm_parameter.ssm_alb_listener_arn.value)
    error_message = "the https_listener_arn output and the SSM parameter name the same listener"
  }
}
