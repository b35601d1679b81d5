/**
 * The mocked plan of a monitoring stack (`terraform-tests/monitoring-<env>/plan.tftest.hcl`).
 * Layer 1's SSM parameters are overridden with values shaped like the real ones; the names,
 * the VPC range, the hostnames and the metrics retention come from the environment's config.
 */
import type { EnvironmentConfig } from '../../config/schema';
import { hcl } from './hcl';

export function renderMonitoringPlan(env: EnvironmentConfig): string {
  const stack = `monitoring-${env.name}`;
  const p = env.namePrefix;
  const { region: r, accountId: a } = env.aws;
  const { grafana, prometheus } = env.monitoring.hostnames;

  return hcl`# Mocked plan of ${stack}: no AWS credentials, Layer 1's SSM parameters replaced by
# realistic values. Checks what a reviewer cares about in the plan: Cognito on both public rules,
# EFS access points and transit encryption, and the generated configuration files as Terraform
# itself decodes them from the task definitions (so escaping and YAML validity are proven too).

mock_provider "aws" {
  # ARNs the stack builds take the partition from the provider (arn:aws:... in ${r}).
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  # Computed values (security group ids, ARNs) become known during plan, so conditions over
  # them can be evaluated without an apply.
  override_during = plan
  mock_resource "aws_security_group" {
    defaults = { id = "sg-0mockedtaskgroup00" }
  }
  mock_data "aws_region" {
    defaults = { name = "${r}" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "${a}" }
  }
}

override_data {
  target = data.aws_ssm_parameter.platform_vpc_id
  values = { insecure_value = "vpc-0123456789abcdef0" }
}
override_data {
  target = data.aws_ssm_parameter.platform_vpc_cidr
  values = { insecure_value = "${env.network.vpcCidr}" }
}
override_data {
  target = data.aws_ssm_parameter.platform_private_subnet_ids
  values = { insecure_value = "subnet-0aaa1111aaaa1111a,subnet-0bbb2222bbbb2222b" }
}
override_data {
  target = data.aws_ssm_parameter.platform_hosted_zone_id
  values = { insecure_value = "Z0123456789ABCDEFGHIJ" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_arn
  values = { insecure_value = "arn:aws:elasticloadbalancing:${r}:${a}:loadbalancer/app/${p}-alb/0123456789abcdef" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_dns_name
  values = { insecure_value = "${p}-alb-123456789.${r}.elb.amazonaws.com" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_zone_id
  values = { insecure_value = "Z32O12XQLNTSW2" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_security_group_id
  values = { insecure_value = "sg-0a1b2c3d4e5f60001" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_listener_arn
  values = { insecure_value = "arn:aws:elasticloadbalancing:${r}:${a}:listener/app/${p}-alb/0123456789abcdef/fedcba9876543210" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cluster_arn
  values = { insecure_value = "arn:aws:ecs:${r}:${a}:cluster/${p}" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cluster_name
  values = { insecure_value = "${p}" }
}
override_data {
  target = data.aws_ssm_parameter.platform_efs_id
  values = { insecure_value = "fs-0123456789abcdef0" }
}
override_data {
  target = data.aws_ssm_parameter.platform_efs_client_security_group_id
  values = { insecure_value = "sg-0a1b2c3d4e5f60002" }
}
override_data {
  target = data.aws_ssm_parameter.platform_operator_topic_arn
  values = { insecure_value = "arn:aws:sns:${r}:${a}:${p}-operators" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cognito_user_pool_arn
  values = { insecure_value = "arn:aws:cognito-idp:${r}:${a}:userpool/${r}_AbCdEfGhI" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cognito_user_pool_client_id
  values = { insecure_value = "1example23456789clientid0" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cognito_user_pool_domain
  values = { insecure_value = "${p}-auth" }
}

override_data {
  target = data.aws_ssm_parameter.platform_metrics_scraper_security_group_id
  values = { insecure_value = "sg-0a1b2c3d4e5f60003" }
}

run "public_routes_require_cognito" {
  command = plan

  assert {
    condition = alltrue([for rule in [aws_lb_listener_rule.grafana_route_host_rule, aws_lb_listener_rule.prometheus_route_host_rule] :
      rule.action[0].type == "authenticate-cognito" && rule.action[0].order == 1 && rule.action[1].type == "forward"
    ])
    error_message = "Grafana and Prometheus rules must authenticate with Cognito before forwarding."
  }
  assert {
    condition     = aws_lb_listener_rule.grafana_route_host_rule.action[0].authenticate_cognito[0].user_pool_arn == "arn:aws:cognito-idp:${r}:${a}:userpool/${r}_AbCdEfGhI"
    error_message = "The Grafana rule must use the Layer 1 user pool read from SSM."
  }
  assert {
    condition     = aws_lb_listener_rule.grafana_route_host_rule.priority == 200 && aws_lb_listener_rule.prometheus_route_host_rule.priority == 210
    error_message = "Listener priorities must come from the registry (grafana 200, prometheus 210)."
  }
  assert {
    condition     = one(aws_lb_listener_rule.grafana_route_host_rule.condition).host_header[0].values == toset(["${grafana}"])
    error_message = "The Grafana rule must match ${grafana}."
  }
  assert {
    condition     = aws_route53_record.prometheus_route_dns_record.name == "${prometheus}" && aws_route53_record.prometheus_route_dns_record.alias[0].name == "${p}-alb-123456789.${r}.elb.amazonaws.com"
    error_message = "${prometheus} must be an alias of the shared ALB."
  }
}

run "efs_access_points_and_transit_encryption" {
  command = plan

  assert {
    condition     = aws_efs_access_point.prometheus_data.posix_user[0].uid == 65534 && aws_efs_access_point.grafana_data.posix_user[0].uid == 472 && aws_efs_access_point.loki_data.posix_user[0].uid == 10001 && aws_efs_access_point.tempo_data.posix_user[0].uid == 10001
    error_message = "Each access point must write as the user its image runs as."
  }
  assert {
    condition     = aws_efs_access_point.loki_data.root_directory[0].path == "/monitoring/loki" && aws_efs_access_point.loki_data.root_directory[0].creation_info[0].permissions == "0750"
    error_message = "Loki's access point must be rooted at /monitoring/loki, created 0750."
  }
  assert {
    condition = alltrue([for task in [aws_ecs_task_definition.prometheus_task, aws_ecs_task_definition.loki_task, aws_ecs_task_definition.tempo_task, aws_ecs_task_definition.grafana_task] :
      alltrue([for v in task.volume : v.efs_volume_configuration[0].transit_encryption == "ENABLED" && v.efs_volume_configuration[0].authorization_config[0].iam == "ENABLED"])
    ])
    error_message = "Every EFS volume must use TLS and IAM authorization."
  }
  assert {
    condition     = contains(aws_ecs_service.loki_service.network_configuration[0].security_groups, "sg-0a1b2c3d4e5f60002") && !contains(aws_ecs_service.collector_service.network_configuration[0].security_groups, "sg-0a1b2c3d4e5f60002")
    error_message = "Only tasks that mount EFS attach the EFS client security group."
  }
  assert {
    condition     = aws_ecs_service.prometheus_service.deployment_minimum_healthy_percent == 0 && aws_ecs_service.prometheus_service.deployment_maximum_percent == 100
    error_message = "Prometheus owns its TSDB on EFS: the old task must stop before the new one starts."
  }
}

run "generated_configuration_as_terraform_decodes_it" {
  command = plan

  assert {
    condition     = yamldecode(one([for e in jsondecode(aws_ecs_task_definition.prometheus_task.container_definitions)[0].environment : e.value if e.name == "PROMETHEUS_CONFIG"])).scrape_configs[1].dns_sd_configs[0].names[0] == "loki.monitoring.${p}.internal"
    error_message = "Prometheus must find Loki through the Cloud Map name."
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.prometheus_task.container_definitions)[0].command[0] == "mkdir -p /prometheus/config && printf '%s\\n' \"$PROMETHEUS_CONFIG\" > /prometheus/config/prometheus.yml && exec /bin/prometheus --config.file=/prometheus/config/prometheus.yml --storage.tsdb.path=/prometheus/data --storage.tsdb.retention.time=${env.monitoring.retention.metricsInDays}d --web.enable-remote-write-receiver --web.external-url=https://${prometheus}/ --web.listen-address=:9090"
    error_message = "The Prometheus entry command must reach the container exactly as written (quotes intact)."
  }
  assert {
    condition     = yamldecode(one([for e in jsondecode(aws_ecs_task_definition.collector_task.container_definitions)[0].environment : e.value if e.name == "OTELCOL_CONFIG"])).exporters["otlp/tempo"].endpoint == "tempo.monitoring.${p}.internal:4317"
    error_message = "The collector must send traces to Tempo's Cloud Map name on 4317."
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.collector_task.container_definitions)[0].command == ["--config=env:OTELCOL_CONFIG"]
    error_message = "The distroless collector must read its configuration through the env: provider."
  }
  assert {
    condition     = [for d in yamldecode(one([for e in jsondecode(aws_ecs_task_definition.grafana_task.container_definitions)[0].environment : e.value if e.name == "GRAFANA_DATASOURCES"])).datasources : d.url] == ["http://prometheus.monitoring.${p}.internal:9090", "http://loki.monitoring.${p}.internal:3100", "http://tempo.monitoring.${p}.internal:3200"]
    error_message = "Grafana must provision Prometheus, Loki and Tempo at their Cloud Map names."
  }
  assert {
    condition     = aws_service_discovery_private_dns_namespace.discovery_namespace.name == "monitoring.${p}.internal" && aws_service_discovery_private_dns_namespace.discovery_namespace.vpc == "vpc-0123456789abcdef0"
    error_message = "The Cloud Map namespace must be monitoring.${p}.internal in the shared VPC."
  }
}

run "only_the_needed_flows" {
  command = plan

  assert {
    condition     = aws_vpc_security_group_ingress_rule.flows_apps_to_collector_otlp_grpc.cidr_ipv4 == "${env.network.vpcCidr}" && aws_vpc_security_group_ingress_rule.flows_apps_to_collector_otlp_grpc.from_port == 4317
    error_message = "Applications reach the collector's OTLP gRPC port from the VPC range only."
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.grafana_ingress_from_alb.referenced_security_group_id == "sg-0a1b2c3d4e5f60001" && aws_vpc_security_group_ingress_rule.grafana_ingress_from_alb.from_port == 3000
    error_message = "Grafana accepts the ALB on 3000."
  }
  assert {
    condition     = alltrue([for s in aws_ecs_service.prometheus_service.network_configuration : s.assign_public_ip == false])
    error_message = "Monitoring tasks have no public IP."
  }
}

run "prometheus_scrapes_applications" {
  command = plan

  assert {
    condition     = contains(aws_ecs_service.prometheus_service.network_configuration[0].security_groups, "sg-0a1b2c3d4e5f60003") && !contains(aws_ecs_service.grafana_service.network_configuration[0].security_groups, "sg-0a1b2c3d4e5f60003")
    error_message = "Prometheus, and only Prometheus, wears Layer 1's metrics-scraper group"
  }
  assert {
    condition = [for j in yamldecode(one([for e in jsondecode(aws_ecs_task_definition.prometheus_task.container_definitions)[0].environment : e.value if e.name == "PROMETHEUS_CONFIG"])).scrape_configs : j.dns_sd_configs if j.job_name == "applications"] == [[{
      names            = ["metrics.scrape.${p}.internal", "actuator-prometheus.scrape.${p}.internal"]
      type             = "SRV"
      refresh_interval = "30s"
    }]]
    error_message = "one applications job asks the SRV name of each metrics path in Layer 1's scrape-targets namespace"
  }
  assert {
    condition     = one([for j in yamldecode(one([for e in jsondecode(aws_ecs_task_definition.prometheus_task.container_definitions)[0].environment : e.value if e.name == "PROMETHEUS_CONFIG"])).scrape_configs : j.relabel_configs if j.job_name == "applications"])[1].replacement == "/actuator/prometheus"
    error_message = "targets found under actuator-prometheus are scraped on /actuator/prometheus"
  }
}
`;
}
