# Mocked plan of the example tenant: it plans with nothing but the SSM parameters of the platform
# contract (overridden here) and its image variable. Copy into the synthesized stack's tests/ and
# run `terraform init -backend=false && terraform test`.

mock_provider "aws" {
  # ARNs TenantService builds take the partition from the provider (arn:aws:... in eu-west-1).
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111122223333" }
  }
}

override_data {
  target = data.aws_ssm_parameter.platform_vpc_id
  values = { insecure_value = "vpc-0123456789abcdef0" }
}
override_data {
  target = data.aws_ssm_parameter.platform_private_subnet_ids
  values = { insecure_value = "subnet-0aaa1111aaaa1111a,subnet-0bbb2222bbbb2222b" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_arn
  values = { insecure_value = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/poc-atlas-dev-alb/0123456789abcdef" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_dns_name
  values = { insecure_value = "poc-atlas-dev-alb-123456789.eu-west-1.elb.amazonaws.com" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_zone_id
  values = { insecure_value = "Z32O12XQLNTSW2" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_listener_arn
  values = { insecure_value = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/poc-atlas-dev-alb/0123456789abcdef/fedcba9876543210" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_security_group_id
  values = { insecure_value = "sg-0alb0000000000000" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cluster_arn
  values = { insecure_value = "arn:aws:ecs:eu-west-1:111122223333:cluster/poc-atlas-dev" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cluster_name
  values = { insecure_value = "poc-atlas-dev" }
}
override_data {
  target = data.aws_ssm_parameter.platform_hosted_zone_id
  values = { insecure_value = "Z0123456789ABCDEFGHIJ" }
}
override_data {
  target = data.aws_ssm_parameter.platform_operator_topic_arn
  values = { insecure_value = "arn:aws:sns:eu-west-1:111122223333:poc-atlas-dev-operator-alerts" }
}
override_data {
  target = data.aws_ssm_parameter.platform_metrics_registry_arn
  values = { insecure_value = "arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-0a1b2c3d4e5f6a7b8" }
}
override_data {
  target = data.aws_ssm_parameter.platform_metrics_scraper_security_group_id
  values = { insecure_value = "sg-0scraper000000000" }
}

override_data {
  target = data.aws_ssm_parameter.platform_ec2_capacity_provider_name
  values = { insecure_value = "poc-atlas-dev-ec2" }
}

variables {
  api_image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/poc-atlas-dev-api:1.0.0"
}

run "api_plans_from_the_ssm_contract_alone" {
  command = plan

  assert {
    condition     = aws_lb_listener_rule.api_route_host_rule.priority == 1000 && aws_lb_listener_rule.api_route_host_rule.listener_arn == data.aws_ssm_parameter.platform_alb_listener_arn.insecure_value
    error_message = "the api rule sits on the shared HTTPS listener at its registry priority"
  }
  assert {
    condition     = aws_lb_target_group.api_route_target_group.vpc_id == "vpc-0123456789abcdef0"
    error_message = "the target group lives in the platform VPC from SSM"
  }
  assert {
    condition     = aws_ecs_service.api_service.network_configuration[0].assign_public_ip == false && toset(aws_ecs_service.api_service.network_configuration[0].subnets) == toset(["subnet-0aaa1111aaaa1111a", "subnet-0bbb2222bbbb2222b"])
    error_message = "tasks run in the private subnets without public IPs"
  }
  assert {
    condition     = aws_ecr_repository.api_repository.image_tag_mutability == "IMMUTABLE" && aws_ecr_repository.api_repository.image_scanning_configuration[0].scan_on_push
    error_message = "the repository has immutable tags and scans on push"
  }
  assert {
    condition     = aws_ecs_service.api_service.service_registries[0].registry_arn == "arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-0a1b2c3d4e5f6a7b8" && aws_ecs_service.api_service.service_registries[0].container_port == 9464
    error_message = "the api registers its metrics port in the platform's /metrics Cloud Map service from SSM"
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.api_metrics_ingress_from_scrapers.referenced_security_group_id == "sg-0scraper000000000" && aws_vpc_security_group_ingress_rule.api_metrics_ingress_from_scrapers.from_port == 9464
    error_message = "only the platform's metrics scrapers reach the metrics port"
  }
}

run "api_runs_on_the_platform_ec2_capacity" {
  command = plan

  assert {
    condition     = one(aws_ecs_service.api_service.capacity_provider_strategy).capacity_provider == "poc-atlas-dev-ec2"
    error_message = "the service places its tasks through the EC2 capacity provider named in SSM"
  }
  assert {
    condition     = tolist(aws_ecs_task_definition.api_task.requires_compatibilities) == tolist(["EC2"]) && aws_ecs_task_definition.api_task.network_mode == "awsvpc"
    error_message = "the task definition is EC2-compatible and keeps awsvpc (own ENI and security group)"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.api_task.container_definitions)[0].memoryReservation == 384 && jsondecode(aws_ecs_task_definition.api_task.container_definitions)[0].memory == 512
    error_message = "the container reserves 384 MiB and may burst to its 512 MiB limit"
  }
}
