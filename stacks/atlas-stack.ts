import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Fn, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { exportStreamName } from '../src/config/atlas-schema';
import type { EnvironmentConfig } from '../src/config/schema';
import { acknowledge } from '../src/core/acknowledge';
import { environmentStackProps } from '../src/config/stack-props';
import { workloadAlarmSpecs } from '../src/constructs/alerting/workload-alarm-specs';
import { POSTGRES_PORT, PostgresDatabase } from '../src/constructs/database/postgres-database';
import type { Statement } from '../src/constructs/iam/policies';
import { PlatformParameters } from '../src/constructs/platform/platform-parameters';
import { RuntimeConfigSecret } from '../src/constructs/secrets/runtime-config-secret';
import { AlarmSet, notifyTopic } from '../src/constructs/alerting/service-alarms';
import { TenantService } from '../src/constructs/service/tenant-service';
import { SecureBucket } from '../src/constructs/storage/secure-bucket';
import { KafkaCluster } from '../src/constructs/streaming/kafka-cluster';
import { KafkaExport } from '../src/constructs/streaming/kafka-export';
import { LISTENER_PRIORITIES } from '../src/contract/listener-priorities';
import { Names } from '../src/core/naming';
import { addOutputs } from '../src/core/outputs';
import { otlpExporterEnvironment } from '../src/constructs/monitoring/catalog';
import { awsPartition } from '../src/core/partition';
import { PlatformStack } from '../src/core/platform-stack';

export interface AtlasStackProps {
  readonly env: EnvironmentConfig;
}

/** Container port every Atlas service listens on. */
const SERVICE_PORT = 8080;
/** The PostgreSQL role the dashboard backend logs in as, through IAM authentication. */
export const DASHBOARD_DB_USER = 'dashboard_backend';

/** Why staging's database and brokers may have public endpoints (rds-not-public and msk-not-public allow it outside production only). */
const PUBLIC_DATA_PLACEMENT =
  'Staging keeps the existing publicly reachable placement (docs/security.md) for operators outside AWS; ingress is only from the allow-listed atlas CIDRs (no range wider than /16, enforced by the schema; the pack flags any internet-wide range), with TLS and IAM/password auth.';

/**
 * Layer 2: the Atlas workloads (MSK, PostgreSQL, runtime secrets, the three services, alarms and
 * the Kafka export bucket). A tenant of Layer 1: every platform value is read from SSM.
 */
export class AtlasStack extends PlatformStack {
  readonly kafka: KafkaCluster;
  readonly database: PostgresDatabase;
  /** Firehose delivery of the configured topics into the export bucket (when any are configured and MSK is reachable). */
  readonly kafkaExport?: KafkaExport;
  readonly services: Readonly<Record<'eventsIngestion' | 'dashboardBackend' | 'kafkaUi', TenantService>>;

  constructor(scope: Construct, id: string, { env }: AtlasStackProps) {
    super(scope, id, environmentStackProps(env, 'atlas'));
    const names = new Names(env.namePrefix);
    const { msk, rds, hostnames, services } = env.atlas;
    const { protection } = env;
    const platform = new PlatformParameters(this, 'platform', { prefix: env.ssmPrefix });
    const region = new DataAwsRegion(this, 'region', {});
    const account = new DataAwsCallerIdentity(this, 'account', {});

    // ---- data: Kafka, PostgreSQL, runtime secrets ----
    this.kafka = new KafkaCluster(this, 'kafka', {
      names,
      ...msk,
      vpcId: platform.get('vpcId'),
      // AWS serves public endpoints only from brokers in public subnets.
      subnetIds: platform.list(msk.publicAccess ? 'publicSubnetIds' : 'privateSubnetIds'),
      publicAccessCidrs: msk.publicAccessCidrs,
      multiVpcClientAccountIds: msk.multiVpcConnectivity ? msk.multiVpcClientAccountIds : [],
      protection,
    });
    // In phase 'create' the endpoints are not on yet (AWS creates clusters private only): nothing to acknowledge.
    if (this.kafka.publicAccessEnabled) acknowledge(this.kafka.cluster, { rule: 'msk-not-public', reason: PUBLIC_DATA_PLACEMENT });
    this.database = new PostgresDatabase(this, 'database', {
      names,
      name: 'dashboard-db',
      ...rds,
      vpcId: platform.get('vpcId'),
      subnetIds: platform.list(rds.publiclyAccessible ? 'publicSubnetIds' : 'privateSubnetIds'),
      protection,
      logRetentionInDays: env.logs.retentionInDays,
    });
    if (rds.publiclyAccessible) acknowledge(this.database.instance, { rule: 'rds-not-public', reason: PUBLIC_DATA_PLACEMENT });
    const secretProps = { names, recoveryWindowInDays: env.atlas.secrets.recoveryWindowInDays };
    const eventsConfig = new RuntimeConfigSecret(this, 'events_ingestion_config', { ...secretProps, serviceName: 'events-ingestion' });
    const dashboardConfig = new RuntimeConfigSecret(this, 'dashboard_backend_config', { ...secretProps, serviceName: 'dashboard-backend' });

    // ---- services ----
    const common = { names, platform, containerPort: SERVICE_PORT, logRetentionInDays: env.logs.retentionInDays };
    const capacity = (choice: 'fargate' | 'ec2') => (choice === 'ec2' ? { kind: 'ec2' as const, instanceType: env.compute.instanceType } : { kind: 'fargate' as const });
    const kafkaClient = {
      KAFKA_BOOTSTRAP_SERVERS: this.kafka.cluster.bootstrapBrokersSaslIam,
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_SASL_MECHANISM: 'AWS_MSK_IAM',
    };
    const eventsIngestion = new TenantService(this, 'events_ingestion', {
      ...common,
      serviceName: 'events-ingestion',
      cpu: services.eventsIngestion.cpu,
      memory: services.eventsIngestion.memoryInMib,
      desiredCount: services.eventsIngestion.desiredCount,
      capacity: capacity(services.eventsIngestion.capacity),
      ecrRepository: true,
      imageTag: services.eventsIngestion.imageTag,
      metrics: services.eventsIngestion.metrics,
      route: {
        hostname: hostnames.eventsIngestion,
        priority: LISTENER_PRIORITIES.eventsIngestion,
        // The edge's default route: whatever no other rule takes goes to events ingestion.
        catchAllPriority: LISTENER_PRIORITIES.eventsIngestionCatchAll,
      },
      environment: { ...kafkaClient, ...otlpExporterEnvironment(env.namePrefix, 'events-ingestion', env.environment) },
      secrets: { RUNTIME_CONFIG: eventsConfig.arn },
      taskStatements: this.kafkaProducerStatements(),
    });
    const dashboardBackend = new TenantService(this, 'dashboard_backend', {
      ...common,
      serviceName: 'dashboard-backend',
      cpu: services.dashboardBackend.cpu,
      memory: services.dashboardBackend.memoryInMib,
      desiredCount: services.dashboardBackend.desiredCount,
      capacity: capacity(services.dashboardBackend.capacity),
      ecrRepository: true,
      imageTag: services.dashboardBackend.imageTag,
      metrics: services.dashboardBackend.metrics,
      route: { hostname: hostnames.dashboardBackend, priority: LISTENER_PRIORITIES.dashboardBackend },
      environment: {
        ...otlpExporterEnvironment(env.namePrefix, 'dashboard-backend', env.environment),
        DB_HOST: this.database.instance.address,
        DB_PORT: String(POSTGRES_PORT),
        DB_NAME: rds.databaseName,
        DB_USER: DASHBOARD_DB_USER,
        DB_IAM_AUTH: 'true',
        DB_SSLMODE: 'verify-full',
      },
      secrets: { RUNTIME_CONFIG: dashboardConfig.arn },
      taskStatements: [
        {
          Sid: 'ConnectAsDashboardUser',
          Effect: 'Allow',
          Action: 'rds-db:connect',
          Resource: `arn:${awsPartition(this)}:rds-db:${region.name}:${account.accountId}:dbuser:${this.database.instance.resourceId}/${DASHBOARD_DB_USER}`,
        },
      ],
    });
    const kafkaUiImage = new TerraformVariable(this, 'kafka_ui_image', {
      type: 'string',
      default: 'provectuslabs/kafka-ui:v0.7.2',
      description: 'Kafka UI image (ships the MSK IAM auth library)',
    });
    const kafkaUi = new TenantService(this, 'kafka_ui', {
      ...common,
      serviceName: 'kafka-ui',
      image: kafkaUiImage.stringValue,
      cpu: services.kafkaUi.cpu,
      memory: services.kafkaUi.memoryInMib,
      desiredCount: services.kafkaUi.desiredCount,
      capacity: capacity(services.kafkaUi.capacity),
      route: { hostname: hostnames.kafkaUi, priority: LISTENER_PRIORITIES.kafkaUi, healthCheckPath: '/actuator/health', authenticate: true },
      environment: {
        KAFKA_CLUSTERS_0_NAME: this.kafka.clusterName,
        KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: this.kafka.cluster.bootstrapBrokersSaslIam,
        KAFKA_CLUSTERS_0_READONLY: 'true',
        KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_CLUSTERS_0_PROPERTIES_SASL_MECHANISM: 'AWS_MSK_IAM',
        KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: 'software.amazon.msk.auth.iam.IAMLoginModule required;',
        KAFKA_CLUSTERS_0_PROPERTIES_SASL_CLIENT_CALLBACK_HANDLER_CLASS: 'software.amazon.msk.auth.iam.IAMClientCallbackHandler',
      },
      // Kafka UI (Spring Boot) unpacks into /tmp at start; it cannot run on a read-only root.
      readonlyRootFilesystem: false,
      taskStatements: this.kafkaReaderStatements(),
    });
    acknowledge(kafkaUi.taskDefinition, {
      rule: 'ecs-task-readonly-root',
      reason: 'Kafka UI (Spring Boot) unpacks and writes under its working directory and /tmp at start; it runs with no privileges, read-only MSK access and only behind the Cognito login.',
    });
    this.services = { eventsIngestion, dashboardBackend, kafkaUi };

    this.kafka.allowClientsFrom('events_ingestion', eventsIngestion.securityGroup.id, 'SASL/IAM from events ingestion');
    this.kafka.allowClientsFrom('kafka_ui', kafkaUi.securityGroup.id, 'SASL/IAM from Kafka UI');
    this.database.allowFrom('dashboard_backend', dashboardBackend.securityGroup.id, 'PostgreSQL from the dashboard backend');

    // ---- exports, alarms, outputs ----
    const exportConfig = env.atlas.exportBucket;
    const alarmAction = notifyTopic(platform.get('operatorTopicArn'));
    // The exports hold the same records as the brokers, whose storage has the platform's own key.
    const exportKey =
      exportConfig.enabled && exportConfig.topics.length > 0
        ? new KmsKey(this, 'kafka_exports_key', { description: `Encrypts the Kafka exports of ${env.namePrefix}`, enableKeyRotation: true, deletionWindowInDays: 30 })
        : undefined;
    const exportBucket = exportConfig.enabled
      ? new SecureBucket(this, 'kafka_exports', {
          bucketName: names.of(`kafka-exports-${env.aws.accountId}`, 's3Bucket'),
          expireAfterDays: exportConfig.expireAfterDays,
          kmsKeyArn: exportKey?.arn,
          protection,
        })
      : undefined;
    // Firehose reads MSK through multi-VPC private connectivity (preferred) or the public endpoints;
    // with neither on yet (MSK phase 'create') the streams wait for the 'enable' apply.
    const connectivity = this.kafka.multiVpcEnabled ? 'PRIVATE' : this.kafka.publicAccessEnabled ? 'PUBLIC' : undefined;
    this.kafkaExport =
      exportBucket && connectivity && exportConfig.topics.length > 0
        ? new KafkaExport(this, 'kafka_export', {
            names,
            kafka: this.kafka,
            connectivity,
            topics: exportConfig.topics,
            streamName: (topic) => exportStreamName(env.namePrefix, topic),
            bucketArn: exportBucket.bucket.arn,
            kmsKeyArn: exportKey?.arn,
            keyPrefix: exportConfig.keyPrefix,
            timePartition: exportConfig.timePartition,
            bufferSizeInMib: exportConfig.buffering.sizeInMib,
            bufferIntervalInSeconds: exportConfig.buffering.intervalInSeconds,
            region: region.name,
            accountId: account.accountId,
            logRetentionInDays: env.logs.retentionInDays,
            alarmAction,
          })
        : undefined;

    new AlarmSet(this, 'alarms', {
      namePrefix: env.namePrefix,
      action: alarmAction,
      alarms: workloadAlarmSpecs({
        loadBalancer: Fn.element(Fn.split(':loadbalancer/', platform.get('albArn')), 1) as string,
        targetGroups: {
          'events-ingestion': eventsIngestion.route!.targetGroup.arnSuffix,
          'dashboard-backend': dashboardBackend.route!.targetGroup.arnSuffix,
          'kafka-ui': kafkaUi.route!.targetGroup.arnSuffix,
        },
        database: { identifier: this.database.identifier, allocatedStorageInGib: rds.allocatedStorageInGib, connectionsThreshold: rds.connectionsAlarmThreshold },
        kafka: { clusterName: this.kafka.clusterName, brokers: msk.brokers },
      }),
    });

    addOutputs(this, {
      kafka_cluster_arn: { value: this.kafka.cluster.arn, description: 'MSK cluster' },
      kafka_bootstrap_brokers_iam: { value: this.kafka.cluster.bootstrapBrokersSaslIam, description: 'SASL/IAM + TLS bootstrap brokers inside the VPC' },
      kafka_bootstrap_brokers_public_iam: this.kafka.publicAccessEnabled
        ? { value: this.kafka.cluster.bootstrapBrokersPublicSaslIam, description: 'Public SASL/IAM + TLS bootstrap brokers (allow-listed ranges)' }
        : undefined,
      kafka_bootstrap_brokers_vpc_connectivity_iam: this.kafka.multiVpcEnabled
        ? { value: this.kafka.cluster.bootstrapBrokersVpcConnectivitySaslIam, description: 'Multi-VPC private connectivity SASL/IAM bootstrap brokers' }
        : undefined,
      database_endpoint: { value: this.database.instance.endpoint, description: 'PostgreSQL endpoint (TLS only)' },
      database_master_secret_arn: { value: this.database.masterSecretArn, description: 'Secrets Manager secret RDS keeps the master credentials in' },
      events_ingestion_config_secret_arn: { value: eventsConfig.arn, description: 'Runtime config secret of events ingestion (value set by operators)' },
      dashboard_backend_config_secret_arn: { value: dashboardConfig.arn, description: 'Runtime config secret of the dashboard backend (value set by operators)' },
      events_ingestion_repository_url: { value: eventsIngestion.repository!.repository.repositoryUrl, description: 'ECR repository of the events ingestion image' },
      dashboard_backend_repository_url: { value: dashboardBackend.repository!.repository.repositoryUrl, description: 'ECR repository of the dashboard backend image' },
      kafka_exports_bucket: exportBucket ? { value: exportBucket.bucket.bucket, description: 'S3 bucket for Kafka exports' } : undefined,
      kafka_export_streams: this.kafkaExport
        ? {
            value: Fn.jsonencode(Object.fromEntries(Object.entries(this.kafkaExport.streams).map(([topic, stream]) => [topic, stream.name]))),
            description: 'Firehose delivery stream of each exported topic (JSON: topic -> stream)',
          }
        : undefined,
    });
  }

  /** Events ingestion publishes: connect, describe and write topics, create its topics. */
  private kafkaProducerStatements(): Statement[] {
    return [
      { Sid: 'ConnectToCluster', Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], Resource: this.kafka.cluster.arn },
      {
        Sid: 'WriteTopics',
        Effect: 'Allow',
        Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:CreateTopic', 'kafka-cluster:WriteData'],
        Resource: this.kafka.resourceArn('topic', '*'),
      },
    ];
  }

  /** Kafka UI inspects, read-only: describe everything, read data, use its own consumer groups. */
  private kafkaReaderStatements(): Statement[] {
    return [
      {
        Sid: 'ConnectToCluster',
        Effect: 'Allow',
        Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:DescribeClusterDynamicConfiguration'],
        Resource: this.kafka.cluster.arn,
      },
      {
        Sid: 'ReadTopics',
        Effect: 'Allow',
        Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:DescribeTopicDynamicConfiguration', 'kafka-cluster:ReadData'],
        Resource: this.kafka.resourceArn('topic', '*'),
      },
      { Sid: 'DescribeGroups', Effect: 'Allow', Action: 'kafka-cluster:DescribeGroup', Resource: this.kafka.resourceArn('group', '*') },
      { Sid: 'UseOwnGroups', Effect: 'Allow', Action: 'kafka-cluster:AlterGroup', Resource: this.kafka.resourceArn('group', 'kafka-ui*') },
    ];
  }
}
