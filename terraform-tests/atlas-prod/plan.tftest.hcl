# Mocked plan of atlas-prod: no AWS account needed. The SSM parameters Layer 1 writes are
# overridden with realistic values, so the plan checks the wiring (private subnets only, the
# listener) as well as the production guarantees. Run by scripts/terraform-tier.js after `terraform init`.

mock_provider "aws" {
  # ARNs the stack builds take the partition from the provider (arn:aws:... in eu-west-1).
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
  values = { insecure_value = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/atlas-prod-alb/0123456789abcdef" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_dns_name
  values = { insecure_value = "atlas-prod-alb-123456789.eu-west-1.elb.amazonaws.com" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_zone_id
  values = { insecure_value = "Z32O12XQLNTSW2" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_listener_arn
  values = { insecure_value = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/atlas-prod-alb/0123456789abcdef/fedcba9876543210" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_security_group_id
  values = { insecure_value = "sg-0alb0000000000000" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cluster_arn
  values = { insecure_value = "arn:aws:ecs:eu-west-1:111122223333:cluster/atlas-prod" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cluster_name
  values = { insecure_value = "atlas-prod" }
}
override_data {
  target = data.aws_ssm_parameter.platform_ec2_capacity_provider_name
  values = { insecure_value = "atlas-prod-ec2" }
}
override_data {
  target = data.aws_ssm_parameter.platform_hosted_zone_id
  values = { insecure_value = "Z0123456789ABCDEFGHIJ" }
}
override_data {
  target = data.aws_ssm_parameter.platform_operator_topic_arn
  values = { insecure_value = "arn:aws:sns:eu-west-1:111122223333:atlas-prod-operator-alerts" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cognito_user_pool_arn
  values = { insecure_value = "arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_AbCdEfGhI" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cognito_user_pool_client_id
  values = { insecure_value = "1example23456789abcdefghij" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cognito_user_pool_domain
  values = { insecure_value = "atlas-prod-auth" }
}

# Layer 1's metrics-scraper group and its Cloud Map service for /metrics.
override_data {
  target = data.aws_ssm_parameter.platform_metrics_registry_arn
  values = { insecure_value = "arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-0a1b2c3d4e5f6a7b8" }
}
override_data {
  target = data.aws_ssm_parameter.platform_metrics_scraper_security_group_id
  values = { insecure_value = "sg-0a1b2c3d4e5f60003" }
}

# Values the container definitions reference, known at plan time so the runs below can read the
# images out of them (mocked resources are otherwise unknown until apply).
override_resource {
  target          = aws_msk_cluster.kafka
  override_during = plan
  values = {
    bootstrap_brokers_sasl_iam = "b-1.atlas-prod-kafka.abc123.c2.kafka.eu-west-1.amazonaws.com:9098"
    arn                        = "arn:aws:kafka:eu-west-1:111122223333:cluster/atlas-prod-kafka/0123abcd-0123-abcd-0123-0123456789ab-2"
  }
}
override_resource {
  target          = aws_db_instance.database
  override_during = plan
  values = {
    address            = "atlas-prod-dashboard-db.abcdefghijkl.eu-west-1.rds.amazonaws.com"
    master_user_secret = [{ secret_arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds!db-0123-AbCdEf" }]
  }
}
override_resource {
  target          = aws_secretsmanager_secret.events_ingestion_config
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:atlas-prod-events-ingestion/runtime-config-AbCdEf" }
}
override_resource {
  target          = aws_secretsmanager_secret.dashboard_backend_config
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:atlas-prod-dashboard-backend/runtime-config-AbCdEf" }
}

# No variables block: like Atlantis, every run plans with the image variables' defaults (the
# release tags in src/config/prod.ts) unless it sets a value itself.

run "images_default_to_the_release_tags_in_config" {
  command = plan

  assert {
    condition     = jsondecode(aws_ecs_task_definition.events_ingestion_task.container_definitions)[0].image == "111122223333.dkr.ecr.eu-west-1.amazonaws.com/atlas-prod-events-ingestion:1.4.1"
    error_message = "events ingestion runs the release tag of src/config/prod.ts from its own ECR repository"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.dashboard_backend_task.container_definitions)[0].image == "111122223333.dkr.ecr.eu-west-1.amazonaws.com/atlas-prod-dashboard-backend:2.0.0"
    error_message = "the dashboard backend runs the release tag of src/config/prod.ts from its own ECR repository"
  }
}

run "a_var_still_overrides_the_release_tag" {
  command = plan

  variables {
    events_ingestion_image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/atlas-prod-events-ingestion:hotfix-1"
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.events_ingestion_task.container_definitions)[0].image == "111122223333.dkr.ecr.eu-west-1.amazonaws.com/atlas-prod-events-ingestion:hotfix-1"
    error_message = "-var events_ingestion_image replaces the default for one plan"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.dashboard_backend_task.container_definitions)[0].image == "111122223333.dkr.ecr.eu-west-1.amazonaws.com/atlas-prod-dashboard-backend:2.0.0"
    error_message = "a variable left unset keeps its default"
  }
}

run "msk_is_private_with_multi_vpc_iam_connectivity" {
  command = plan

  assert {
    condition     = aws_msk_cluster.kafka.client_authentication[0].sasl[0].iam == true && aws_msk_cluster.kafka.client_authentication[0].unauthenticated == false
    error_message = "MSK must authenticate clients with SASL/IAM only"
  }
  assert {
    condition     = aws_msk_cluster.kafka.encryption_info[0].encryption_in_transit[0].client_broker == "TLS" && aws_msk_cluster.kafka.encryption_info[0].encryption_in_transit[0].in_cluster == true
    error_message = "MSK must use TLS between clients and brokers and inside the cluster"
  }
  assert {
    condition     = aws_msk_cluster.kafka.broker_node_group_info[0].connectivity_info[0].public_access[0].type == "DISABLED"
    error_message = "prod MSK has no public endpoints"
  }
  assert {
    condition     = aws_msk_cluster.kafka.broker_node_group_info[0].connectivity_info[0].vpc_connectivity[0].client_authentication[0].sasl[0].iam == true
    error_message = "prod MSK offers multi-VPC private connectivity over IAM"
  }
  assert {
    condition     = tolist(aws_msk_cluster.kafka.broker_node_group_info[0].client_subnets) == tolist(["subnet-0aaa1111aaaa1111a", "subnet-0bbb2222bbbb2222b"])
    error_message = "prod MSK brokers sit in the private subnets from SSM"
  }
  assert {
    condition     = aws_msk_cluster.kafka.number_of_broker_nodes == 2 && aws_msk_cluster.kafka.broker_node_group_info[0].instance_type == "kafka.m5.large"
    error_message = "prod MSK sizing comes from the prod config"
  }
}

run "rds_is_private_multi_az_and_protected" {
  command = plan

  assert {
    condition     = aws_db_instance.database.storage_encrypted && aws_db_instance.database.manage_master_user_password
    error_message = "RDS must be encrypted and keep its master password in Secrets Manager"
  }
  assert {
    condition     = aws_db_instance.database.publicly_accessible == false && aws_db_instance.database.multi_az == true
    error_message = "prod RDS is private and Multi-AZ"
  }
  assert {
    condition     = aws_db_instance.database.deletion_protection == true && aws_db_instance.database.skip_final_snapshot == false && aws_db_instance.database.final_snapshot_identifier == "atlas-prod-dashboard-db-final"
    error_message = "prod RDS is deletion-protected and snapshots on destroy"
  }
  assert {
    condition     = toset(aws_db_subnet_group.database_subnet_group.subnet_ids) == toset(["subnet-0aaa1111aaaa1111a", "subnet-0bbb2222bbbb2222b"])
    error_message = "a private database sits in the private subnets"
  }
  assert {
    condition     = aws_db_instance.database.backup_retention_period >= 7 && aws_db_instance.database.iam_database_authentication_enabled
    error_message = "prod RDS keeps at least 7 days of backups and takes IAM authentication"
  }
}

run "services_sit_behind_the_shared_listener_in_private_subnets" {
  command = plan

  assert {
    condition     = aws_lb_listener_rule.events_ingestion_route_host_rule.priority == 100 && aws_lb_listener_rule.dashboard_backend_route_host_rule.priority == 110 && aws_lb_listener_rule.kafka_ui_route_host_rule.priority == 120 && aws_lb_listener_rule.events_ingestion_route_catch_all_rule.priority == 50000
    error_message = "rules carry the registry priorities, the catch-all last"
  }
  assert {
    condition     = aws_lb_listener_rule.kafka_ui_route_host_rule.action[0].type == "authenticate-cognito"
    error_message = "Kafka UI requires a Cognito login"
  }
  assert {
    condition     = aws_ecs_service.events_ingestion_service.network_configuration[0].assign_public_ip == false && aws_ecs_service.events_ingestion_service.desired_count == 2
    error_message = "prod events ingestion runs two tasks without public IPs"
  }
  assert {
    condition     = aws_s3_bucket.kafka_exports.bucket == "atlas-prod-kafka-exports-111122223333"
    error_message = "the export bucket exists in prod"
  }
  assert {
    condition     = aws_iam_role_policy_attachment.dashboard_backend_roles_execution_managed.policy_arn == "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
    error_message = "the execution role's managed policy ARN is built in the provider's partition"
  }
}

run "kafka_ui_runs_on_the_ec2_capacity_and_the_public_services_on_fargate" {
  command = plan

  assert {
    condition     = one(aws_ecs_service.kafka_ui_service.capacity_provider_strategy).capacity_provider == "atlas-prod-ec2" && tolist(aws_ecs_task_definition.kafka_ui_task.requires_compatibilities) == tolist(["EC2"]) && aws_ecs_task_definition.kafka_ui_task.network_mode == "awsvpc"
    error_message = "Kafka UI places its awsvpc task through the EC2 capacity provider named in SSM (atlas.services.kafkaUi.capacity)"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.kafka_ui_task.container_definitions)[0].memory == 1024 && aws_ecs_task_definition.kafka_ui_task.memory == null && aws_ecs_task_definition.kafka_ui_task.cpu == "512"
    error_message = "on EC2 the container carries the memory limit and the task reserves its CPU"
  }
  assert {
    condition     = [for s in aws_ecs_service.kafka_ui_service.ordered_placement_strategy : "${s.type}:${s.field}"] == ["spread:attribute:ecs.availability-zone", "binpack:memory"]
    error_message = "tasks spread over zones first, then pack so managed scaling can stop empty instances"
  }
  assert {
    condition     = one(aws_ecs_service.events_ingestion_service.capacity_provider_strategy).capacity_provider == "FARGATE" && one(aws_ecs_service.dashboard_backend_service.capacity_provider_strategy).capacity_provider == "FARGATE" && tolist(aws_ecs_task_definition.events_ingestion_task.requires_compatibilities) == tolist(["FARGATE"])
    error_message = "the public services stay on Fargate"
  }
}

run "kafka_exports_deliver_the_configured_topic_with_firehose" {
  command = plan

  assert {
    condition     = aws_kinesis_firehose_delivery_stream.kafka_export_stream_events.name == "atlas-prod-export-events" && aws_kinesis_firehose_delivery_stream.kafka_export_stream_events.destination == "extended_s3"
    error_message = "one Firehose stream per exported topic, delivering to S3"
  }
  assert {
    condition     = aws_kinesis_firehose_delivery_stream.kafka_export_stream_events.msk_source_configuration[0].topic_name == "events" && aws_kinesis_firehose_delivery_stream.kafka_export_stream_events.msk_source_configuration[0].msk_cluster_arn == "arn:aws:kafka:eu-west-1:111122223333:cluster/atlas-prod-kafka/0123abcd-0123-abcd-0123-0123456789ab-2"
    error_message = "the stream reads the configured topic of this environment's cluster"
  }
  assert {
    condition     = aws_kinesis_firehose_delivery_stream.kafka_export_stream_events.msk_source_configuration[0].authentication_configuration[0].connectivity == "PRIVATE"
    error_message = "prod Firehose reaches MSK through multi-VPC private connectivity"
  }
  assert {
    condition     = aws_kinesis_firehose_delivery_stream.kafka_export_stream_events.extended_s3_configuration[0].prefix == "kafka/topic=events/!{timestamp:yyyy/MM/dd/HH}/" && startswith(aws_kinesis_firehose_delivery_stream.kafka_export_stream_events.extended_s3_configuration[0].error_output_prefix, "kafka/errors/")
    error_message = "records land below the configured key prefix, errors apart"
  }
  assert {
    condition     = aws_kinesis_firehose_delivery_stream.kafka_export_stream_events.extended_s3_configuration[0].buffering_size == 64 && aws_kinesis_firehose_delivery_stream.kafka_export_stream_events.extended_s3_configuration[0].buffering_interval == 300
    error_message = "buffering comes from the config"
  }
  assert {
    condition     = one(aws_s3_bucket_server_side_encryption_configuration.kafka_exports_encryption.rule).apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms"
    error_message = "the export bucket encrypts with the platform's KMS key"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.kafka_export_alarms_export_events_delivery_failed.metric_name == "DeliveryToS3.Success" && aws_cloudwatch_metric_alarm.kafka_export_alarms_export_events_delivery_failed.dimensions.DeliveryStreamName == "atlas-prod-export-events"
    error_message = "a failed delivery raises an alarm"
  }
  assert {
    condition     = tolist(aws_cloudwatch_metric_alarm.kafka_export_alarms_export_events_delivery_failed.alarm_actions) == tolist([data.aws_ssm_parameter.platform_operator_topic_arn.insecure_value])
    error_message = "the delivery alarm notifies the operator topic"
  }
  assert {
    condition     = one([for s in jsondecode(aws_msk_cluster_policy.kafka_policy.policy).Statement : s if s.Sid == "ServiceVpcConnections"]).Principal.Service == ["firehose.amazonaws.com"]
    error_message = "the cluster policy lets Firehose create its multi-VPC connection"
  }
}

run "opted_in_services_register_for_prometheus" {
  command = plan

  assert {
    condition = alltrue([for s in [aws_ecs_service.events_ingestion_service, aws_ecs_service.dashboard_backend_service] :
      s.service_registries[0].registry_arn == "arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-0a1b2c3d4e5f6a7b8" && s.service_registries[0].container_port == 9464
    ])
    error_message = "events ingestion and dashboard backend register their metrics port 9464 in Layer 1's /metrics Cloud Map service"
  }
  assert {
    condition = alltrue([for r in [aws_vpc_security_group_ingress_rule.events_ingestion_metrics_ingress_from_scrapers, aws_vpc_security_group_ingress_rule.dashboard_backend_metrics_ingress_from_scrapers] :
      r.referenced_security_group_id == "sg-0a1b2c3d4e5f60003" && r.from_port == 9464 && r.to_port == 9464 && r.ip_protocol == "tcp"
    ])
    error_message = "each opted-in service admits only the metrics-scraper group, on 9464 only"
  }
  assert {
    condition     = contains([for m in jsondecode(aws_ecs_task_definition.events_ingestion_task.container_definitions)[0].portMappings : m.containerPort], 9464)
    error_message = "the metrics port is a port of the container, as SRV registration requires"
  }
  assert {
    condition     = length(aws_ecs_service.kafka_ui_service.service_registries) == 0
    error_message = "Kafka UI does not opt in"
  }
}
