/**
 * The mocked plan of an atlas stack (`terraform-tests/atlas-<env>/plan.tftest.hcl`). Layer 1's SSM
 * parameters are overridden with values shaped like the real ones. Names, image tags, MSK and RDS
 * placement and sizing come from the environment's config; the production tier's guarantees for
 * the database (private, Multi-AZ, deletion-protected, backups, IAM authentication) are asserted as
 * fixed values, not read back from the config they guard.
 */
import type { EnvironmentConfig } from '../../config/schema';
import { hcl, when } from './hcl';

const COUNT = ['no tasks', 'one task', 'two tasks', 'three tasks'];

export function renderAtlasPlan(env: EnvironmentConfig, configFile: string): string {
  const stack = `atlas-${env.name}`;
  const p = env.namePrefix;
  const { region: r, accountId: a } = env.aws;
  const { msk, rds, services } = env.atlas;
  const production = env.tier === 'production';
  const publicSubnets = msk.publicAccess || rds.publiclyAccessible;
  const mskRun = msk.publicAccess
    ? 'msk_is_iam_and_tls_only_with_public_endpoints_from_public_subnets'
    : msk.multiVpcConnectivity
      ? 'msk_is_private_with_multi_vpc_iam_connectivity'
      : 'msk_is_private_and_iam_and_tls_only';
  const rdsRun = production
    ? 'rds_is_private_multi_az_and_protected'
    : `rds_is_encrypted_${rds.publiclyAccessible ? 'public_to_the_allow_list' : 'private'}_and_${rds.multiAz ? 'multi_az' : 'single_az'}`;
  const ingestionCount = services.eventsIngestion.desiredCount;
  const kafkaUi = services.kafkaUi;
  const exportConfig = env.atlas.exportBucket;
  // Firehose reaches the brokers privately where multi-VPC connectivity is on, else through the public endpoints.
  const firehosePrivate = msk.multiVpcConnectivity;
  const timeFolders = { hour: 'yyyy/MM/dd/HH', day: 'yyyy/MM/dd' }[exportConfig.timePartition];
  const exportTopic = exportConfig.topics[0];
  const exportStream = `kafka_export_stream_${exportTopic?.replace(/[^A-Za-z0-9]/g, '_')}`;
  const exportAlarm = `kafka_export_alarms_export_${exportTopic?.replace(/[^A-Za-z0-9]/g, '_')}_delivery_failed`;
  const mskArn = `arn:aws:kafka:${r}:${a}:cluster/${p}-kafka/0123abcd-0123-abcd-0123-0123456789ab-2`;
  const metricsRegistryArn = `arn:aws:servicediscovery:${r}:${a}:service/srv-0a1b2c3d4e5f6a7b8`;
  const metricsPort = services.eventsIngestion.metrics?.port;

  return hcl`# Mocked plan of ${stack}: no AWS account needed. The SSM parameters Layer 1 writes are
# overridden with realistic values, so the plan checks the wiring (which subnets, which listener)
# as well as the security settings (and a production-tier environment's guarantees). Run by
# scripts/terraform-tier.js after \`terraform init\`.

mock_provider "aws" {
  # ARNs the stack builds take the partition from the provider (arn:aws:... in ${r}).
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
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
  target = data.aws_ssm_parameter.platform_private_subnet_ids
  values = { insecure_value = "subnet-0aaa1111aaaa1111a,subnet-0bbb2222bbbb2222b" }
}
${when(
  publicSubnets,
  hcl`
override_data {
  target = data.aws_ssm_parameter.platform_public_subnet_ids
  values = { insecure_value = "subnet-0ccc3333cccc3333c,subnet-0ddd4444dddd4444d" }
}`,
)}
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
  target = data.aws_ssm_parameter.platform_alb_listener_arn
  values = { insecure_value = "arn:aws:elasticloadbalancing:${r}:${a}:listener/app/${p}-alb/0123456789abcdef/fedcba9876543210" }
}
override_data {
  target = data.aws_ssm_parameter.platform_alb_security_group_id
  values = { insecure_value = "sg-0alb0000000000000" }
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
  target = data.aws_ssm_parameter.platform_ec2_capacity_provider_name
  values = { insecure_value = "${p}-ec2" }
}
override_data {
  target = data.aws_ssm_parameter.platform_hosted_zone_id
  values = { insecure_value = "Z0123456789ABCDEFGHIJ" }
}
override_data {
  target = data.aws_ssm_parameter.platform_operator_topic_arn
  values = { insecure_value = "arn:aws:sns:${r}:${a}:${p}-operator-alerts" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cognito_user_pool_arn
  values = { insecure_value = "arn:aws:cognito-idp:${r}:${a}:userpool/${r}_AbCdEfGhI" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cognito_user_pool_client_id
  values = { insecure_value = "1example23456789abcdefghij" }
}
override_data {
  target = data.aws_ssm_parameter.platform_cognito_user_pool_domain
  values = { insecure_value = "${p}-auth" }
}

# Layer 1's metrics-scraper group and its Cloud Map service for /metrics.
override_data {
  target = data.aws_ssm_parameter.platform_metrics_registry_arn
  values = { insecure_value = "${metricsRegistryArn}" }
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
    bootstrap_brokers_sasl_iam = "b-1.${p}-kafka.abc123.c2.kafka.${r}.amazonaws.com:9098"
    arn                        = "${mskArn}"
  }
}
override_resource {
  target          = aws_db_instance.database
  override_during = plan
  values = {
    address            = "${p}-dashboard-db.abcdefghijkl.${r}.rds.amazonaws.com"
    master_user_secret = [{ secret_arn = "arn:aws:secretsmanager:${r}:${a}:secret:rds!db-0123-AbCdEf" }]
  }
}
override_resource {
  target          = aws_secretsmanager_secret.events_ingestion_config
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:${r}:${a}:secret:${p}-events-ingestion/runtime-config-AbCdEf" }
}
override_resource {
  target          = aws_secretsmanager_secret.dashboard_backend_config
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:${r}:${a}:secret:${p}-dashboard-backend/runtime-config-AbCdEf" }
}

# No variables block: like Atlantis, every run plans with the image variables' defaults (the
# release tags in ${configFile}) unless it sets a value itself.

run "images_default_to_the_release_tags_in_config" {
  command = plan

  assert {
    condition     = jsondecode(aws_ecs_task_definition.events_ingestion_task.container_definitions)[0].image == "${a}.dkr.ecr.${r}.amazonaws.com/${p}-events-ingestion:${services.eventsIngestion.imageTag}"
    error_message = "events ingestion runs the release tag of ${configFile} from its own ECR repository"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.dashboard_backend_task.container_definitions)[0].image == "${a}.dkr.ecr.${r}.amazonaws.com/${p}-dashboard-backend:${services.dashboardBackend.imageTag}"
    error_message = "the dashboard backend runs the release tag of ${configFile} from its own ECR repository"
  }
}

run "a_var_still_overrides_the_release_tag" {
  command = plan

  variables {
    events_ingestion_image = "${a}.dkr.ecr.${r}.amazonaws.com/${p}-events-ingestion:hotfix-1"
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.events_ingestion_task.container_definitions)[0].image == "${a}.dkr.ecr.${r}.amazonaws.com/${p}-events-ingestion:hotfix-1"
    error_message = "-var events_ingestion_image replaces the default for one plan"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.dashboard_backend_task.container_definitions)[0].image == "${a}.dkr.ecr.${r}.amazonaws.com/${p}-dashboard-backend:${services.dashboardBackend.imageTag}"
    error_message = "a variable left unset keeps its default"
  }
}

run "${mskRun}" {
  command = plan

  assert {
    condition     = aws_msk_cluster.kafka.client_authentication[0].sasl[0].iam == true && aws_msk_cluster.kafka.client_authentication[0].unauthenticated == false
    error_message = "MSK must authenticate clients with SASL/IAM only"
  }
  assert {
    condition     = aws_msk_cluster.kafka.encryption_info[0].encryption_in_transit[0].client_broker == "TLS" && aws_msk_cluster.kafka.encryption_info[0].encryption_in_transit[0].in_cluster == true
    error_message = "MSK must use TLS between clients and brokers and inside the cluster"
  }
  ${when(
    msk.publicAccess,
    hcl`
  assert {
    condition     = aws_msk_cluster.kafka.broker_node_group_info[0].connectivity_info[0].public_access[0].type == "SERVICE_PROVIDED_EIPS"
    error_message = "${env.name} MSK serves public IAM+TLS endpoints"
  }
  assert {
    condition     = tolist(aws_msk_cluster.kafka.broker_node_group_info[0].client_subnets) == tolist(["subnet-0ccc3333cccc3333c", "subnet-0ddd4444dddd4444d"])
    error_message = "public MSK brokers must sit in the public subnets from SSM"
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.kafka_public_client_0.cidr_ipv4 == "${msk.publicAccessCidrs[0]}" && aws_vpc_security_group_ingress_rule.kafka_public_client_0.from_port == 9198
    error_message = "public brokers are reachable from the allow list only"
  }`,
  )}
  ${when(
    !msk.publicAccess,
    hcl`
  assert {
    condition     = aws_msk_cluster.kafka.broker_node_group_info[0].connectivity_info[0].public_access[0].type == "DISABLED"
    error_message = "${env.name} MSK has no public endpoints"
  }`,
  )}
  ${when(
    msk.multiVpcConnectivity,
    hcl`
  assert {
    condition     = aws_msk_cluster.kafka.broker_node_group_info[0].connectivity_info[0].vpc_connectivity[0].client_authentication[0].sasl[0].iam == true
    error_message = "${env.name} MSK offers multi-VPC private connectivity over IAM"
  }`,
  )}
  ${when(
    !msk.publicAccess,
    hcl`
  assert {
    condition     = tolist(aws_msk_cluster.kafka.broker_node_group_info[0].client_subnets) == tolist(["subnet-0aaa1111aaaa1111a", "subnet-0bbb2222bbbb2222b"])
    error_message = "${env.name} MSK brokers sit in the private subnets from SSM"
  }`,
  )}
  assert {
    condition     = aws_msk_cluster.kafka.number_of_broker_nodes == ${msk.brokers} && aws_msk_cluster.kafka.broker_node_group_info[0].instance_type == "${msk.brokerInstanceType}"
    error_message = "${env.name} MSK sizing comes from the ${env.name} config"
  }
}

run "${rdsRun}" {
  command = plan

  assert {
    condition     = aws_db_instance.database.storage_encrypted && aws_db_instance.database.manage_master_user_password
    error_message = "RDS must be encrypted and keep its master password in Secrets Manager"
  }
  ${when(
    production,
    hcl`
  assert {
    condition     = aws_db_instance.database.publicly_accessible == false && aws_db_instance.database.multi_az == true
    error_message = "${env.name} RDS is private and Multi-AZ"
  }
  assert {
    condition     = aws_db_instance.database.deletion_protection == true && aws_db_instance.database.skip_final_snapshot == false && aws_db_instance.database.final_snapshot_identifier == "${p}-dashboard-db-final"
    error_message = "${env.name} RDS is deletion-protected and snapshots on destroy"
  }`,
  )}
  ${when(
    !production,
    hcl`
  assert {
    condition     = aws_db_instance.database.publicly_accessible == ${rds.publiclyAccessible} && aws_db_instance.database.multi_az == ${rds.multiAz} && aws_db_instance.database.deletion_protection == ${env.protection.deletionProtection}
    error_message = "${env.name} RDS keeps its ${rds.publiclyAccessible ? 'public' : 'private'}, ${rds.multiAz ? 'Multi-AZ' : 'single-AZ'} placement"
  }`,
  )}
  ${when(
    rds.publiclyAccessible,
    hcl`
  assert {
    condition     = toset(aws_db_subnet_group.database_subnet_group.subnet_ids) == toset(["subnet-0ccc3333cccc3333c", "subnet-0ddd4444dddd4444d"])
    error_message = "a publicly accessible database sits in the public subnets"
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.database_allowed_cidr_0.cidr_ipv4 == "${rds.allowedCidrs[0]}"
    error_message = "PostgreSQL is reachable from the allow list only"
  }`,
  )}
  ${when(
    !rds.publiclyAccessible,
    hcl`
  assert {
    condition     = toset(aws_db_subnet_group.database_subnet_group.subnet_ids) == toset(["subnet-0aaa1111aaaa1111a", "subnet-0bbb2222bbbb2222b"])
    error_message = "a private database sits in the private subnets"
  }`,
  )}
  ${when(
    production,
    hcl`
  assert {
    condition     = aws_db_instance.database.backup_retention_period >= 7 && aws_db_instance.database.iam_database_authentication_enabled
    error_message = "${env.name} RDS keeps at least 7 days of backups and takes IAM authentication"
  }`,
  )}
}

run "services_sit_behind_the_shared_listener_in_private_subnets" {
  command = plan

  assert {
    condition     = aws_lb_listener_rule.events_ingestion_route_host_rule.priority == 100 && aws_lb_listener_rule.dashboard_backend_route_host_rule.priority == 110 && aws_lb_listener_rule.kafka_ui_route_host_rule.priority == 120
    error_message = "host rules carry the registry priorities"
  }
  assert {
    condition     = aws_lb_listener_rule.events_ingestion_route_catch_all_rule.priority == 50000
    error_message = "the catch-all to events ingestion is the last rule"
  }
  assert {
    condition     = aws_lb_listener_rule.events_ingestion_route_host_rule.listener_arn == "arn:aws:elasticloadbalancing:${r}:${a}:listener/app/${p}-alb/0123456789abcdef/fedcba9876543210"
    error_message = "rules attach to the HTTPS listener read from SSM"
  }
  assert {
    condition     = aws_lb_listener_rule.kafka_ui_route_host_rule.action[0].type == "authenticate-cognito"
    error_message = "Kafka UI requires a Cognito login"
  }
  assert {
    condition     = aws_ecs_service.events_ingestion_service.network_configuration[0].assign_public_ip == false && toset(aws_ecs_service.events_ingestion_service.network_configuration[0].subnets) == toset(["subnet-0aaa1111aaaa1111a", "subnet-0bbb2222bbbb2222b"])
    error_message = "tasks run in the private subnets without public IPs"
  }
  assert {
    condition     = aws_ecs_service.events_ingestion_service.network_configuration[0].assign_public_ip == false && aws_ecs_service.events_ingestion_service.desired_count == ${ingestionCount}
    error_message = "${env.name} events ingestion runs ${COUNT[ingestionCount] ?? `${ingestionCount} tasks`} without public IPs"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.alarms_events_ingestion_target_5xx.dimensions["LoadBalancer"] == "app/${p}-alb/0123456789abcdef"
    error_message = "the 5xx alarm watches the shared ALB"
  }
  ${when(
    env.atlas.exportBucket.enabled,
    hcl`
  assert {
    condition     = aws_s3_bucket.kafka_exports.bucket == "${p}-kafka-exports-${a}"
    error_message = "the export bucket exists in ${env.name}"
  }`,
  )}
  assert {
    condition     = aws_iam_role_policy_attachment.dashboard_backend_roles_execution_managed.policy_arn == "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
    error_message = "the execution role's managed policy ARN is built in the provider's partition"
  }
}
${when(
  kafkaUi.capacity === 'ec2',
  hcl`

run "kafka_ui_runs_on_the_ec2_capacity_and_the_public_services_on_fargate" {
  command = plan

  assert {
    condition     = one(aws_ecs_service.kafka_ui_service.capacity_provider_strategy).capacity_provider == "${p}-ec2" && tolist(aws_ecs_task_definition.kafka_ui_task.requires_compatibilities) == tolist(["EC2"]) && aws_ecs_task_definition.kafka_ui_task.network_mode == "awsvpc"
    error_message = "Kafka UI places its awsvpc task through the EC2 capacity provider named in SSM (atlas.services.kafkaUi.capacity)"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.kafka_ui_task.container_definitions)[0].memory == ${kafkaUi.memoryInMib} && aws_ecs_task_definition.kafka_ui_task.memory == null && aws_ecs_task_definition.kafka_ui_task.cpu == "${kafkaUi.cpu}"
    error_message = "on EC2 the container carries the memory limit and the task reserves its CPU"
  }
  assert {
    condition     = [for s in aws_ecs_service.kafka_ui_service.ordered_placement_strategy : "\${s.type}:\${s.field}"] == ["spread:attribute:ecs.availability-zone", "binpack:memory"]
    error_message = "tasks spread over zones first, then pack so managed scaling can stop empty instances"
  }
  assert {
    condition     = one(aws_ecs_service.events_ingestion_service.capacity_provider_strategy).capacity_provider == "FARGATE" && one(aws_ecs_service.dashboard_backend_service.capacity_provider_strategy).capacity_provider == "FARGATE" && tolist(aws_ecs_task_definition.events_ingestion_task.requires_compatibilities) == tolist(["FARGATE"])
    error_message = "the public services stay on Fargate"
  }
}`,
)}
${when(
  exportConfig.enabled && exportTopic !== undefined,
  hcl`

run "kafka_exports_deliver_the_configured_topic_with_firehose" {
  command = plan

  assert {
    condition     = aws_kinesis_firehose_delivery_stream.${exportStream}.name == "${p}-export-${exportTopic}" && aws_kinesis_firehose_delivery_stream.${exportStream}.destination == "extended_s3"
    error_message = "one Firehose stream per exported topic, delivering to S3"
  }
  assert {
    condition     = aws_kinesis_firehose_delivery_stream.${exportStream}.msk_source_configuration[0].topic_name == "${exportTopic}" && aws_kinesis_firehose_delivery_stream.${exportStream}.msk_source_configuration[0].msk_cluster_arn == "${mskArn}"
    error_message = "the stream reads the configured topic of this environment's cluster"
  }
  assert {
    condition     = aws_kinesis_firehose_delivery_stream.${exportStream}.msk_source_configuration[0].authentication_configuration[0].connectivity == "${firehosePrivate ? 'PRIVATE' : 'PUBLIC'}"
    error_message = "${env.name} Firehose reaches MSK through ${firehosePrivate ? 'multi-VPC private connectivity' : 'its public endpoints'}"
  }
  assert {
    condition     = aws_kinesis_firehose_delivery_stream.${exportStream}.extended_s3_configuration[0].prefix == "${exportConfig.keyPrefix}/topic=${exportTopic}/!{timestamp:${timeFolders}}/" && startswith(aws_kinesis_firehose_delivery_stream.${exportStream}.extended_s3_configuration[0].error_output_prefix, "${exportConfig.keyPrefix}/errors/")
    error_message = "records land below the configured key prefix, errors apart"
  }
  assert {
    condition     = aws_kinesis_firehose_delivery_stream.${exportStream}.extended_s3_configuration[0].buffering_size == ${exportConfig.buffering.sizeInMib} && aws_kinesis_firehose_delivery_stream.${exportStream}.extended_s3_configuration[0].buffering_interval == ${exportConfig.buffering.intervalInSeconds}
    error_message = "buffering comes from the config"
  }
  assert {
    condition     = one(aws_s3_bucket_server_side_encryption_configuration.kafka_exports_encryption.rule).apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms"
    error_message = "the export bucket encrypts with the platform's KMS key"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.${exportAlarm}.metric_name == "DeliveryToS3.Success" && aws_cloudwatch_metric_alarm.${exportAlarm}.dimensions.DeliveryStreamName == "${p}-export-${exportTopic}"
    error_message = "a failed delivery raises an alarm"
  }
  assert {
    condition     = tolist(aws_cloudwatch_metric_alarm.${exportAlarm}.alarm_actions) == tolist([data.aws_ssm_parameter.platform_operator_topic_arn.insecure_value])
    error_message = "the delivery alarm notifies the operator topic"
  }
  ${when(
    firehosePrivate,
    hcl`
  assert {
    condition     = one([for s in jsondecode(aws_msk_cluster_policy.kafka_policy.policy).Statement : s if s.Sid == "ServiceVpcConnections"]).Principal.Service == ["firehose.amazonaws.com"]
    error_message = "the cluster policy lets Firehose create its multi-VPC connection"
  }`,
  )}
}`,
)}
${when(
  metricsPort !== undefined,
  hcl`

run "opted_in_services_register_for_prometheus" {
  command = plan

  assert {
    condition = alltrue([for s in [aws_ecs_service.events_ingestion_service, aws_ecs_service.dashboard_backend_service] :
      s.service_registries[0].registry_arn == "${metricsRegistryArn}" && s.service_registries[0].container_port == ${metricsPort}
    ])
    error_message = "events ingestion and dashboard backend register their metrics port ${metricsPort} in Layer 1's /metrics Cloud Map service"
  }
  assert {
    condition = alltrue([for r in [aws_vpc_security_group_ingress_rule.events_ingestion_metrics_ingress_from_scrapers, aws_vpc_security_group_ingress_rule.dashboard_backend_metrics_ingress_from_scrapers] :
      r.referenced_security_group_id == "sg-0a1b2c3d4e5f60003" && r.from_port == ${metricsPort} && r.to_port == ${metricsPort} && r.ip_protocol == "tcp"
    ])
    error_message = "each opted-in service admits only the metrics-scraper group, on ${metricsPort} only"
  }
  assert {
    condition     = contains([for m in jsondecode(aws_ecs_task_definition.events_ingestion_task.container_definitions)[0].portMappings : m.containerPort], ${metricsPort})
    error_message = "the metrics port is a port of the container, as SRV registration requires"
  }
  assert {
    condition     = length(aws_ecs_service.kafka_ui_service.service_registries) == 0
    error_message = "Kafka UI does not opt in"
  }
}`,
)}
`;
}
