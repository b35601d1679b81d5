"""Tests of the emulator's additions to moto, through boto3 against the real launcher (server.py).

Run: python3 -m unittest discover -s scripts/emulator   (npm run test:emulator)
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import boto3
from botocore.exceptions import ClientError

HERE = os.path.dirname(os.path.abspath(__file__))
ACCOUNT = '111122223333'


class EmulatorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        env = {**os.environ, 'MOTO_ACCOUNT_ID': ACCOUNT}
        cls.server = subprocess.Popen([sys.executable, os.path.join(HERE, 'server.py'), '--certs', cls.tmp.name], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        ready = cls.server.stdout.readline().split()
        assert ready[0] == 'READY', ready
        cls.endpoint, cls.ca = f'https://127.0.0.1:{ready[1]}', ready[2]

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(60)  # a loaded machine (load average above 40 seen) needs more than 10 s to stop the server
        cls.tmp.cleanup()

    def client(self, service):
        client = boto3.client(service, endpoint_url=self.endpoint, verify=self.ca, region_name='eu-west-1', aws_access_key_id='test', aws_secret_access_key='test')
        # A kept-alive connection holds a server thread, and the server waits for its threads on exit.
        self.addCleanup(client.close)
        return client

    def test_answers_as_the_configured_account_over_tls(self):
        self.assertEqual(self.client('sts').get_caller_identity()['Account'], ACCOUNT)

    def test_tls_only_bucket_policy_allows_requests_over_tls(self):
        s3 = self.client('s3')
        s3.create_bucket(Bucket='tls-only', CreateBucketConfiguration={'LocationConstraint': 'eu-west-1'})
        deny_plain = {'Effect': 'Deny', 'Principal': '*', 'Action': 's3:*', 'Resource': ['arn:aws:s3:::tls-only', 'arn:aws:s3:::tls-only/*'], 'Condition': {'Bool': {'aws:SecureTransport': 'false'}}}
        s3.put_bucket_policy(Bucket='tls-only', Policy=json.dumps({'Version': '2012-10-17', 'Statement': [deny_plain]}))
        s3.put_object(Bucket='tls-only', Key='state', Body=b'{}')
        self.assertEqual(s3.get_object(Bucket='tls-only', Key='state')['Body'].read(), b'{}')

    def test_an_unconditional_bucket_deny_still_denies(self):
        s3 = self.client('s3')
        s3.create_bucket(Bucket='deny-all', CreateBucketConfiguration={'LocationConstraint': 'eu-west-1'})
        s3.put_bucket_policy(Bucket='deny-all', Policy=json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Deny', 'Principal': '*', 'Action': 's3:*', 'Resource': 'arn:aws:s3:::deny-all/*'}]}))
        with self.assertRaises(ClientError):
            s3.put_object(Bucket='deny-all', Key='x', Body=b'1')

    def test_a_retried_call_gets_the_first_answer_again(self):
        ec2 = self.client('ec2')
        vpc = ec2.create_vpc(CidrBlock='10.9.0.0/16')['Vpc']['VpcId']

        def same_call_second_attempt(request, **_):
            request.headers['amz-sdk-invocation-id'] = 'fixed-invocation'
            request.headers['amz-sdk-request'] = 'attempt=2; max=5'

        ec2.meta.events.register('before-send.ec2.CreateSecurityGroup', same_call_second_attempt)
        create = lambda: ec2.create_security_group(GroupName='web', Description='web', VpcId=vpc)['GroupId']
        first = create()
        self.assertEqual(create(), first)  # not InvalidGroup.Duplicate
        ec2.meta.events.unregister('before-send.ec2.CreateSecurityGroup', same_call_second_attempt)
        with self.assertRaisesRegex(ClientError, 'Duplicate'):
            create()  # a new call with the same name is still refused

    def test_hosted_zone_ids_look_like_aws_ones(self):
        zone = self.client('route53').create_hosted_zone(Name='example.org', CallerReference='t')['HostedZone']
        self.assertRegex(zone['Id'], r'^/hostedzone/Z[A-Z0-9]{21}$')

    def test_a_zone_holding_a_delegation_cannot_be_deleted(self):
        route53 = self.client('route53')
        zone = route53.create_hosted_zone(Name='parent.example', CallerReference='p')['HostedZone']['Id']
        delegation = {'Name': 'child.parent.example', 'Type': 'NS', 'TTL': 300, 'ResourceRecords': [{'Value': 'ns-1.example.net'}]}
        route53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={'Changes': [{'Action': 'CREATE', 'ResourceRecordSet': delegation}]})
        with self.assertRaisesRegex(ClientError, 'HostedZoneNotEmpty'):
            route53.delete_hosted_zone(Id=zone)
        route53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={'Changes': [{'Action': 'DELETE', 'ResourceRecordSet': delegation}]})
        route53.delete_hosted_zone(Id=zone)

    def test_a_record_can_be_created_again_after_its_deletion(self):
        route53 = self.client('route53')
        zone = route53.create_hosted_zone(Name='kept.example', CallerReference='k')['HostedZone']['Id']
        record = lambda name: {'Name': f'{name}.kept.example', 'Type': 'A', 'TTL': 60, 'ResourceRecords': [{'Value': '192.0.2.1'}]}
        change = lambda action, name: route53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={'Changes': [{'Action': action, 'ResourceRecordSet': record(name)}]})
        change('CREATE', 'grafana')
        change('CREATE', 'prometheus')
        change('DELETE', 'grafana')
        change('CREATE', 'grafana')  # what re-applying a destroyed stack does
        with self.assertRaisesRegex(ClientError, 'already exists'):
            change('CREATE', 'grafana')

    def test_each_database_instance_has_its_own_resource_id_and_the_settings_it_asked_for(self):
        rds = self.client('rds')
        ids = []
        for name in ('staging-db', 'prod-db'):
            created = rds.create_db_instance(
                DBInstanceIdentifier=name, DBInstanceClass='db.t4g.medium', Engine='postgres', MasterUsername='u', MasterUserPassword='password1',
                CACertificateIdentifier='rds-ca-rsa2048-g1', EnablePerformanceInsights=True, PerformanceInsightsRetentionPeriod=7, EngineLifecycleSupport='open-source-rds-extended-support-disabled',
            )['DBInstance']
            read = rds.describe_db_instances(DBInstanceIdentifier=name)['DBInstances'][0]
            self.assertEqual(
                {k: read.get(k) for k in ('CACertificateIdentifier', 'PerformanceInsightsEnabled', 'PerformanceInsightsRetentionPeriod', 'EngineLifecycleSupport')},
                {'CACertificateIdentifier': 'rds-ca-rsa2048-g1', 'PerformanceInsightsEnabled': True, 'PerformanceInsightsRetentionPeriod': 7, 'EngineLifecycleSupport': 'open-source-rds-extended-support-disabled'},
            )
            ids.append(created['DbiResourceId'])
        self.assertNotEqual(ids[0], ids[1])
        found = rds.describe_db_instances(Filters=[{'Name': 'dbi-resource-id', 'Values': [ids[1]]}])['DBInstances']
        self.assertEqual([d['DBInstanceIdentifier'] for d in found], ['prod-db'])

    def test_container_definitions_read_back_with_what_ecs_adds(self):
        ecs = self.client('ecs')
        container = {'name': 'api', 'image': 'nginx', 'portMappings': [{'containerPort': 8080, 'protocol': 'tcp'}], 'healthCheck': {'command': ['CMD', 'true']}}
        registered = ecs.register_task_definition(family='api', networkMode='awsvpc', requiresCompatibilities=['FARGATE'], cpu='256', memory='512', containerDefinitions=[container])
        read = registered['taskDefinition']['containerDefinitions'][0]
        self.assertEqual(read['healthCheck'], {'command': ['CMD', 'true'], 'interval': 30, 'timeout': 5, 'retries': 3})
        self.assertEqual(read['portMappings'], [{'containerPort': 8080, 'hostPort': 8080, 'protocol': 'tcp'}])

    def test_ecs_services_keep_their_capacity_provider_strategy_and_placement(self):
        ecs = self.client('ecs')
        ecs.create_cluster(clusterName='placement')
        ecs.register_task_definition(family='on-ec2', requiresCompatibilities=['EC2'], networkMode='awsvpc', containerDefinitions=[{'name': 'a', 'image': 'i', 'memory': 256}])
        strategy = [{'capacityProvider': 'placement-ec2', 'weight': 1, 'base': 0}]
        placement = [{'type': 'spread', 'field': 'attribute:ecs.availability-zone'}, {'type': 'binpack', 'field': 'memory'}]
        ecs.create_service(cluster='placement', serviceName='on-ec2', taskDefinition='on-ec2', desiredCount=1, capacityProviderStrategy=strategy,
                           placementStrategy=placement, healthCheckGracePeriodSeconds=60, availabilityZoneRebalancing='DISABLED')
        service = ecs.describe_services(cluster='placement', services=['on-ec2'])['services'][0]
        self.assertEqual(service['capacityProviderStrategy'], strategy)
        self.assertEqual(service['placementStrategy'], placement)
        self.assertEqual(service['healthCheckGracePeriodSeconds'], 60)
        self.assertEqual(service['availabilityZoneRebalancing'], 'DISABLED')
        self.assertNotIn('launchType', service)
        # a service created with a launch type keeps it
        ecs.create_service(cluster='placement', serviceName='launched', taskDefinition='on-ec2', desiredCount=0, launchType='EC2')
        self.assertEqual(ecs.describe_services(cluster='placement', services=['launched'])['services'][0]['launchType'], 'EC2')

    def test_budget_notification_subscribers_and_tags(self):
        budgets = self.client('budgets')
        notification = {'NotificationType': 'ACTUAL', 'ComparisonOperator': 'GREATER_THAN', 'Threshold': 80.0, 'ThresholdType': 'PERCENTAGE'}
        subscribers = [{'SubscriptionType': 'EMAIL', 'Address': 'ops@example.org'}]
        budgets.create_budget(
            AccountId=ACCOUNT,
            Budget={'BudgetName': 'monthly', 'BudgetLimit': {'Amount': '100', 'Unit': 'USD'}, 'TimeUnit': 'MONTHLY', 'BudgetType': 'COST'},
            NotificationsWithSubscribers=[{'Notification': notification, 'Subscribers': subscribers}],
            ResourceTags=[{'Key': 'Environment', 'Value': 'dev'}],
        )
        found = budgets.describe_subscribers_for_notification(AccountId=ACCOUNT, BudgetName='monthly', Notification=notification)['Subscribers']
        self.assertEqual(found, subscribers)
        arn = f'arn:aws:budgets::{ACCOUNT}:budget/monthly'
        self.assertEqual(budgets.list_tags_for_resource(ResourceARN=arn)['ResourceTags'], [{'Key': 'Environment', 'Value': 'dev'}])
        budgets.untag_resource(ResourceARN=arn, ResourceTagKeys=['Environment'])
        self.assertEqual(budgets.list_tags_for_resource(ResourceARN=arn)['ResourceTags'], [])
        with self.assertRaises(ClientError):
            budgets.describe_subscribers_for_notification(AccountId=ACCOUNT, BudgetName='missing', Notification=notification)

    def test_efs_backup_policy_and_policy_deletion(self):
        efs = self.client('efs')
        fs_id = efs.create_file_system(CreationToken='t', Encrypted=True)['FileSystemId']
        efs.put_backup_policy(FileSystemId=fs_id, BackupPolicy={'Status': 'ENABLED'})
        self.assertEqual(efs.describe_backup_policy(FileSystemId=fs_id)['BackupPolicy']['Status'], 'ENABLED')
        efs.put_backup_policy(FileSystemId=fs_id, BackupPolicy={'Status': 'DISABLED'})  # what a destroy does
        self.assertEqual(efs.describe_backup_policy(FileSystemId=fs_id)['BackupPolicy']['Status'], 'DISABLED')
        efs.put_file_system_policy(FileSystemId=fs_id, Policy=json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Deny', 'Principal': {'AWS': '*'}, 'Action': '*', 'Condition': {'Bool': {'aws:SecureTransport': 'false'}}}]}))
        efs.delete_file_system_policy(FileSystemId=fs_id)
        with self.assertRaises(ClientError):
            efs.describe_file_system_policy(FileSystemId=fs_id)

    def _cluster(self, kafka, name, configuration_arn, public='DISABLED'):
        return kafka.create_cluster(
            ClusterName=name,
            KafkaVersion='3.6.0',
            NumberOfBrokerNodes=2,
            BrokerNodeGroupInfo={'InstanceType': 'kafka.t3.small', 'ClientSubnets': ['subnet-a', 'subnet-b'], 'SecurityGroups': ['sg-1'], 'ConnectivityInfo': {'PublicAccess': {'Type': public}}},
            ClientAuthentication={'Sasl': {'Iam': {'Enabled': True}}, 'Unauthenticated': {'Enabled': False}},
            ConfigurationInfo={'Arn': configuration_arn, 'Revision': 1},
        )

    def test_msk_configuration_revisions(self):
        kafka = self.client('kafka')
        created = kafka.create_configuration(Name='props', KafkaVersions=['3.6.0'], ServerProperties=b'auto.create.topics.enable=false\n')
        self.assertEqual(created['LatestRevision']['Revision'], 1)
        kafka.update_configuration(Arn=created['Arn'], ServerProperties=b'auto.create.topics.enable=true\n')
        described = kafka.describe_configuration(Arn=created['Arn'])
        self.assertEqual((described['Name'], described['LatestRevision']['Revision'], described['KafkaVersions']), ('props', 2, ['3.6.0']))
        first = kafka.describe_configuration_revision(Arn=created['Arn'], Revision=1)
        self.assertEqual(first['ServerProperties'], b'auto.create.topics.enable=false\n')
        with self.assertRaises(ClientError):
            kafka.create_configuration(Name='props', ServerProperties=b'x=1\n')

    def test_msk_cluster_lifecycle_with_the_two_phases(self):
        kafka = self.client('kafka')
        configuration = kafka.create_configuration(Name='cluster-props', ServerProperties=b'a=b\n')['Arn']
        with self.assertRaisesRegex(ClientError, 'only valid value for the Type parameter in PublicAccess is DISABLED'):
            self._cluster(kafka, 'refused', configuration, public='SERVICE_PROVIDED_EIPS')
        arn = self._cluster(kafka, 'events', configuration)['ClusterArn']
        info = kafka.describe_cluster(ClusterArn=arn)['ClusterInfo']
        self.assertEqual(info['State'], 'ACTIVE')
        self.assertEqual(info['EncryptionInfo']['EncryptionInTransit'], {'ClientBroker': 'TLS', 'InCluster': True})
        self.assertEqual(info['CurrentBrokerSoftwareInfo']['ConfigurationArn'], configuration)
        brokers = kafka.get_bootstrap_brokers(ClusterArn=arn)
        self.assertEqual(len(brokers['BootstrapBrokerStringSaslIam'].split(',')), 2)
        self.assertTrue(all(b.endswith(':9098') for b in brokers['BootstrapBrokerStringSaslIam'].split(',')))
        self.assertNotIn('BootstrapBrokerStringPublicSaslIam', brokers)

        operation = kafka.update_connectivity(ClusterArn=arn, CurrentVersion=info['CurrentVersion'], ConnectivityInfo={'PublicAccess': {'Type': 'SERVICE_PROVIDED_EIPS'}})
        self.assertEqual(kafka.describe_cluster_operation(ClusterOperationArn=operation['ClusterOperationArn'])['ClusterOperationInfo']['OperationState'], 'UPDATE_COMPLETE')
        public = kafka.get_bootstrap_brokers(ClusterArn=arn)['BootstrapBrokerStringPublicSaslIam']
        self.assertTrue(all('-public.' in b and b.endswith(':9198') for b in public.split(',')))
        with self.assertRaisesRegex(ClientError, 'current version'):
            kafka.update_connectivity(ClusterArn=arn, CurrentVersion=info['CurrentVersion'], ConnectivityInfo={'PublicAccess': {'Type': 'DISABLED'}})

        kafka.put_cluster_policy(ClusterArn=arn, Policy='{"Version":"2012-10-17","Statement":[]}')
        self.assertIn('Statement', kafka.get_cluster_policy(ClusterArn=arn)['Policy'])
        with self.assertRaisesRegex(ClientError, 'in use'):
            kafka.delete_configuration(Arn=configuration)
        kafka.delete_cluster(ClusterArn=arn)
        with self.assertRaises(ClientError) as missing:
            kafka.describe_cluster(ClusterArn=arn)
        self.assertEqual(missing.exception.response['Error']['Code'], 'NotFoundException')
        kafka.delete_configuration(Arn=configuration)

    def test_firehose_msk_source_needs_the_connectivity_it_asks_for(self):
        kafka, firehose = self.client('kafka'), self.client('firehose')
        configuration = kafka.create_configuration(Name='export-props', ServerProperties=b'a=b\n')['Arn']
        arn = self._cluster(kafka, 'exported', configuration)['ClusterArn']
        destination = {'RoleARN': 'arn:aws:iam::111122223333:role/export', 'BucketARN': 'arn:aws:s3:::exports', 'Prefix': 'kafka/topic=events/'}

        def stream(name, connectivity):
            return firehose.create_delivery_stream(
                DeliveryStreamName=name,
                DeliveryStreamType='MSKAsSource',
                MSKSourceConfiguration={'MSKClusterARN': arn, 'TopicName': 'events', 'AuthenticationConfiguration': {'RoleARN': destination['RoleARN'], 'Connectivity': connectivity}},
                ExtendedS3DestinationConfiguration=destination,
            )

        with self.assertRaisesRegex(ClientError, 'does not have public access enabled'):
            stream('public-too-early', 'PUBLIC')
        with self.assertRaisesRegex(ClientError, 'multi-VPC private connectivity'):
            stream('private-too-early', 'PRIVATE')
        version = kafka.describe_cluster(ClusterArn=arn)['ClusterInfo']['CurrentVersion']
        kafka.update_connectivity(ClusterArn=arn, CurrentVersion=version, ConnectivityInfo={'PublicAccess': {'Type': 'SERVICE_PROVIDED_EIPS'}, 'VpcConnectivity': {'ClientAuthentication': {'Sasl': {'Iam': {'Enabled': True}}}}})
        with self.assertRaisesRegex(ClientError, 'cluster policy'):
            stream('private-without-policy', 'PRIVATE')
        stream('public', 'PUBLIC')
        statement = {'Effect': 'Allow', 'Principal': {'Service': ['firehose.amazonaws.com']}, 'Action': 'kafka:CreateVpcConnection', 'Resource': arn}
        kafka.put_cluster_policy(ClusterArn=arn, Policy=json.dumps({'Version': '2012-10-17', 'Statement': [statement]}))
        stream('private', 'PRIVATE')

        described = firehose.describe_delivery_stream(DeliveryStreamName='private')['DeliveryStreamDescription']
        self.assertEqual(described['DeliveryStreamType'], 'MSKAsSource')
        source = described['Source']['MSKSourceDescription']
        self.assertEqual((source['MSKClusterARN'], source['TopicName'], source['AuthenticationConfiguration']['Connectivity']), (arn, 'events', 'PRIVATE'))
        self.assertIn('DeliveryStartTimestamp', source)
        self.assertEqual(described['Destinations'][0]['ExtendedS3DestinationDescription']['Prefix'], 'kafka/topic=events/')
        firehose.delete_delivery_stream(DeliveryStreamName='private')
        with self.assertRaises(ClientError):
            firehose.describe_delivery_stream(DeliveryStreamName='private')
        firehose.create_delivery_stream(DeliveryStreamName='private', DeliveryStreamType='DirectPut', ExtendedS3DestinationConfiguration=destination)
        self.assertNotIn('Source', firehose.describe_delivery_stream(DeliveryStreamName='private')['DeliveryStreamDescription'])

    def test_private_cloud_map_namespaces_share_a_vpc_but_not_a_name(self):
        # Layer 1's scrape-targets namespace and the monitoring stack's namespace live in one VPC.
        sd, ec2 = self.client('servicediscovery'), self.client('ec2')
        vpc = ec2.create_vpc(CidrBlock='10.8.0.0/16')['Vpc']['VpcId']
        for name in ('scrape.a.internal', 'monitoring.a.internal'):
            sd.create_private_dns_namespace(Name=name, Vpc=vpc)
        self.assertLessEqual({'scrape.a.internal', 'monitoring.a.internal'}, {n['Name'] for n in sd.list_namespaces()['Namespaces']})
        with self.assertRaises(ClientError) as conflict:
            sd.create_private_dns_namespace(Name='scrape.a.internal', Vpc=vpc)
        self.assertEqual(conflict.exception.response['Error']['Code'], 'ConflictingDomainExists')

    def test_a_cloud_map_service_reads_back_its_namespace_and_health_check(self):
        # The provider sends the namespace only inside DnsConfig and reads it back from the service.
        sd, ec2 = self.client('servicediscovery'), self.client('ec2')
        vpc = ec2.create_vpc(CidrBlock='10.7.0.0/16')['Vpc']['VpcId']
        sd.create_private_dns_namespace(Name='readback.internal', Vpc=vpc)
        namespace = next(n['Id'] for n in sd.list_namespaces()['Namespaces'] if n['Name'] == 'readback.internal')
        dns = {'NamespaceId': namespace, 'RoutingPolicy': 'MULTIVALUE', 'DnsRecords': [{'Type': 'SRV', 'TTL': 10}]}
        created = sd.create_service(Name='metrics', DnsConfig=dns, HealthCheckCustomConfig={'FailureThreshold': 1})['Service']['Id']
        service = sd.get_service(Id=created)['Service']
        self.assertEqual(service['NamespaceId'], namespace)
        self.assertEqual(service['HealthCheckCustomConfig'], {'FailureThreshold': 1})
        plain = sd.get_service(Id=sd.create_service(Name='plain', DnsConfig=dns)['Service']['Id'])['Service']
        self.assertNotIn('HealthCheckCustomConfig', plain)

    def test_unknown_msk_calls_fail_loudly(self):
        with self.assertRaisesRegex(ClientError, 'does not serve MSK'):
            self.client('kafka').list_kafka_versions()


class ConditionTest(unittest.TestCase):
    def test_conditions(self):
        sys.path.insert(0, HERE)
        from server import conditions_hold

        secure_only = {'Bool': {'aws:SecureTransport': 'false'}}
        self.assertTrue(conditions_hold(secure_only, {'aws:SecureTransport': 'false'}))
        self.assertFalse(conditions_hold(secure_only, {'aws:SecureTransport': 'true'}))
        self.assertFalse(conditions_hold(secure_only, {}))
        self.assertTrue(conditions_hold({'BoolIfExists': {'aws:MultiFactorAuthPresent': 'false'}}, {}))
        self.assertTrue(conditions_hold({'StringEquals': {'aws:PrincipalAccount': ['1', '2']}}, {'aws:PrincipalAccount': '2'}))
        self.assertFalse(conditions_hold({'StringEquals': {'aws:PrincipalAccount': '1'}}, {'aws:PrincipalAccount': '2'}))


if __name__ == '__main__':
    unittest.main()
