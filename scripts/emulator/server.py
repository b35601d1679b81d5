"""Starts moto's server with the additions the deploy tier needs, on 127.0.0.1 and a free port.

Usage: python3 server.py --certs DIR [--port N]
Prints one line `READY <port> <ca-bundle>` when it accepts requests, then serves until SIGTERM.

What it adds to moto (each piece is tested in test_server.py):
- TLS with a certificate made here for 127.0.0.1, so clients use https and `aws:SecureTransport`
  is true, as it is against AWS; the certificate is the CA bundle clients trust (AWS_CA_BUNDLE).
- Bucket policies evaluated with their conditions: moto treats a statement whose condition does
  not match as a deny, so a TLS-only policy (deny when SecureTransport is false) refuses every
  request. Here a statement applies only when its condition holds, with SecureTransport taken from
  the request's scheme.
- Amazon MSK (kafka.py): clusters, configurations, bootstrap brokers, updates, cluster policies.
- Firehose streams with an MSK source (moto drops MSKSourceConfiguration and describes no source):
  kept and described as AWS does, and refused as AWS refuses them when the cluster does not offer
  the connectivity asked for (kafka.firehose_source_problem).
- Calls moto does not implement that the provider makes: Budgets DescribeSubscribersForNotification,
  EFS PutBackupPolicy and DeleteFileSystemPolicy.
- Hosted zone ids that start with Z, as AWS's do (the project's config refuses other ids), and
  AWS's refusal to delete a zone that still holds records (moto ignores NS records below the apex),
  and a record created again after its deletion (moto says it already exists).
- A DbiResourceId per DB instance (moto gives all the same one, and the provider looks instances
  up by it), and the CA certificate a new instance asks for.
- Container definitions read back as ECS returns them: health-check defaults, awsvpc host ports.
- ECS services keep the capacity provider strategy, placement strategy and constraints, health
  check grace period and zone rebalancing they were created with (moto drops them), and a
  service placed by a capacity provider strategy has no launch type, as in AWS.
- One request at a time into moto (its backends are not thread-safe), with a log line naming each
  call that fails, and a retried call (same SDK invocation id) answered with the first attempt's
  successful answer instead of being carried out twice.
"""
import argparse
import collections
import datetime
import ipaddress
import json
import os
import random
import signal
import string
import sys
import threading
from urllib.parse import parse_qs

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kafka  # noqa: E402  (after the path fix above)

_request = threading.local()
_moto_lock = threading.Lock()
_answered = collections.OrderedDict()  # SDK invocation id -> a successful answer
_in_flight = {}  # SDK invocation id -> set when its first attempt has answered


def write_certificate(directory):
    """A self-signed certificate for 127.0.0.1 and localhost; returns (cert, key) paths."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    os.makedirs(directory, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, 'aws-emulator')])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName('localhost'), x509.IPAddress(ipaddress.ip_address('127.0.0.1'))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = os.path.join(directory, 'emulator.crt'), os.path.join(directory, 'emulator.key')
    with open(cert_path, 'wb') as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(key_path, 'wb') as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_path, key_path


def conditions_hold(condition, context):
    """IAM condition evaluation for the operators bucket policies use here; others count as holding."""
    for operator, pairs in condition.items():
        base, if_exists = (operator[:-8], True) if operator.endswith('IfExists') else (operator, False)
        for key, expected in pairs.items():
            expected = expected if isinstance(expected, list) else [expected]
            actual = context.get(key)
            if actual is None:
                if if_exists:
                    continue
                if base in ('Bool', 'StringEquals', 'StringLike'):
                    return False
                continue
            if base == 'Bool' and str(actual).lower() not in [str(e).lower() for e in expected]:
                return False
            if base == 'StringEquals' and actual not in expected:
                return False
            if base == 'StringNotEquals' and actual in expected:
                return False
    return True


# CreateService parameters moto ignores and the provider reads back.
ECS_SERVICE_PARAMETERS_KEPT = ('capacityProviderStrategy', 'placementStrategy', 'placementConstraints', 'healthCheckGracePeriodSeconds', 'availabilityZoneRebalancing')


def patch_moto():
    from moto.core.utils import camelcase_to_underscores
    from moto.iam import access_control
    from moto.iam.access_control import PermissionResult
    from moto.route53 import models as route53_models
    from moto.s3.models import FakeBucket

    statement_permitted = access_control.IAMPolicyStatement.is_action_permitted

    def is_action_permitted(self, action, resource='*', principal=None, incoming_condition_values=None):
        # IAM semantics: a statement applies only when its condition holds (moto: a deny otherwise).
        condition = self._statement.get('Condition')
        if condition:
            if not conditions_hold(condition, incoming_condition_values or {}):
                return PermissionResult.NEUTRAL
            self = access_control.IAMPolicyStatement({k: v for k, v in self._statement.items() if k != 'Condition'})
        return statement_permitted(self, action, resource, principal, incoming_condition_values)

    access_control.IAMPolicyStatement.is_action_permitted = is_action_permitted

    def get_permission(self, action, resource):
        if self.policy is None:
            return PermissionResult.NEUTRAL
        secure = 'true' if getattr(_request, 'secure', False) else 'false'
        return access_control.IAMPolicy(self.policy.decode()).is_action_permitted(action, resource, incoming_condition_values={'aws:SecureTransport': secure})

    FakeBucket.get_permission = get_permission

    zone_id = route53_models.create_route53_zone_id

    def aws_shaped_zone_id(*args, **kwargs):
        return 'Z' + zone_id(*args, **kwargs)[1:]

    route53_models.create_route53_zone_id = aws_shaped_zone_id

    def delete_hosted_zone(self, id_):
        # AWS refuses to delete a zone holding any record but the apex SOA and NS; moto lets any
        # NS record through, so a zone still holding a sub-zone's delegation would vanish.
        zone = self.get_hosted_zone(id_)
        apex = zone.name.rstrip('.') + '.'
        for rrset in zone.rrsets:
            if not (rrset.type in ('NS', 'SOA') and rrset.name.rstrip('.') + '.' == apex):
                raise route53_models.HostedZoneNotEmpty()
        return self.zones.pop(id_.replace('/hostedzone/', ''), None)

    route53_models.Route53Backend.delete_hosted_zone = delete_hosted_zone

    change_records = route53_models.Route53Backend.change_resource_record_sets

    def change_resource_record_sets(self, zoneid, change_list):
        # moto refuses a CREATE identical to one in the zone's change journal whenever any record
        # sorts after its name, even if the first was deleted: a record created again in a zone
        # that outlived a destroy "already exists". Only a record of that name and type counts.
        zone = self.get_hosted_zone(zoneid)
        for change in change_list:
            if change['Action'] != 'CREATE':
                continue
            record = change['ResourceRecordSet']
            name = record['Name'].rstrip('.') + '.'
            if not any(r.name.rstrip('.') + '.' == name and r.type == record['Type'] for r in zone.rrsets):
                zone.rr_changes[:] = [c for c in zone.rr_changes if c != change]
        return change_records(self, zoneid, change_list)

    route53_models.Route53Backend.change_resource_record_sets = change_resource_record_sets

    from moto.rds.models import DBInstance

    instance_init = DBInstance.__init__

    def unique_resource_id(self, *args, **kwargs):
        # moto gives every instance the same DbiResourceId; the provider finds an instance by it,
        # so with two instances in one account (staging and prod) it finds two and gives up.
        instance_init(self, *args, **kwargs)
        # CreateDBInstance's CACertificateIdentifier arrives under another key and is dropped, so
        # the provider modifies and reboots every new instance to set it (minutes of waiting).
        requested_ca = next((v for k, v in kwargs.items() if k.endswith('certificate_identifier') and v), None)
        if requested_ca:
            self.ca_certificate_identifier = requested_ca
        # Settings moto accepts but never returns; the provider then modifies the instance after
        # creating it and on every later apply. Kept and returned as AWS does.
        self.performance_insights_enabled = bool(kwargs.get('enable_performance_insights'))
        for key in ('performance_insights_retention_period', 'performance_insights_kms_key_id', 'engine_lifecycle_support'):
            if kwargs.get(key) is not None:
                setattr(self, key, kwargs[key])
        self.dbi_resource_id = 'db-' + ''.join(random.choice(string.ascii_uppercase + string.digits) for _ in range(26))

    DBInstance.__init__ = unique_resource_id

    from moto.ecs.models import TaskDefinition

    task_definition_init = TaskDefinition.__init__

    def aws_filled_container_definitions(self, *args, **kwargs):
        # What ECS adds to a registered definition (moto keeps it as sent): a health check's
        # interval, timeout and retries, and in awsvpc mode each port mapping's hostPort. A stack
        # that leaves them out must still re-plan to no change, as it does against AWS.
        task_definition_init(self, *args, **kwargs)
        for definition in self.container_definitions:
            if 'healthCheck' in definition:
                definition['healthCheck'] = {'interval': 30, 'timeout': 5, 'retries': 3, **definition['healthCheck']}
            if self.network_mode == 'awsvpc':
                definition['portMappings'] = [{'hostPort': m.get('containerPort'), **m} for m in definition.get('portMappings', [])]

    TaskDefinition.__init__ = aws_filled_container_definitions

    from moto.ecs.responses import EC2ContainerServiceResponse

    create_service = EC2ContainerServiceResponse.create_service

    def create_service_keeping_placement(self):
        # moto drops these CreateService parameters, so DescribeServices lacks them and every
        # re-plan would replace the service. Kept as sent; UpdateService already stores them. A
        # service placed through a capacity provider strategy has no launch type, as in AWS.
        result = create_service(self)
        cluster = self._get_param('cluster', 'default').split('/')[-1]
        service = self.ecs_backend.services[f"{cluster}:{self._get_param('serviceName')}"]
        for key in ECS_SERVICE_PARAMETERS_KEPT:
            value = self._get_param(key)
            if value is not None:
                setattr(service, camelcase_to_underscores(key), value)
        if self._get_param('capacityProviderStrategy') and self._get_param('launchType') is None:
            service.launch_type = None
            for deployment in service.deployments:
                deployment['launchType'] = None
        return result

    EC2ContainerServiceResponse.create_service = create_service_keeping_placement

    from moto.servicediscovery.models import ServiceDiscoveryBackend
    from moto.servicediscovery.exceptions import ConflictingDomainExists

    create_namespace = ServiceDiscoveryBackend.create_private_dns_namespace

    def create_private_dns_namespace(self, name, creator_request_id, description, vpc, tags, properties):
        # moto refuses a second private namespace in a VPC whatever its name; AWS refuses only a
        # name the VPC already has (each namespace is its own private hosted zone).
        same_vpc = [ns for ns in self.namespaces.values() if ns.vpc == vpc]
        if any(ns.name.rstrip('.').lower() == name.rstrip('.').lower() for ns in same_vpc):
            raise ConflictingDomainExists(vpc)
        for ns in same_vpc:
            ns.vpc = None
        try:
            return create_namespace(self, name, creator_request_id, description, vpc, tags, properties)
        finally:
            for ns in same_vpc:
                ns.vpc = vpc

    ServiceDiscoveryBackend.create_private_dns_namespace = create_private_dns_namespace

    create_cloud_map_service = ServiceDiscoveryBackend.create_service

    def create_service_as_aws(self, **kwargs):
        # AWS keeps a service's namespace also when it arrives only in DnsConfig (the provider sends
        # it there) and returns it as NamespaceId; moto returns none, and the provider replaces the
        # service. A custom health check always has FailureThreshold 1 at AWS.
        dns_config = kwargs.get('dns_config') or {}
        if not kwargs.get('namespace_id') and dns_config.get('NamespaceId'):
            kwargs['namespace_id'] = dns_config['NamespaceId']
        if kwargs.get('health_check_custom_config') is not None:
            kwargs['health_check_custom_config'] = {**kwargs['health_check_custom_config'], 'FailureThreshold': 1}
        return create_cloud_map_service(self, **kwargs)

    ServiceDiscoveryBackend.create_service = create_service_as_aws

    patch_firehose()


_msk_sources = {}  # delivery stream ARN -> MSKSourceDescription


def patch_firehose():
    from moto.firehose.exceptions import InvalidArgumentException
    from moto.firehose.models import FirehoseBackend
    from moto.firehose.responses import FirehoseResponse

    create = FirehoseResponse.create_delivery_stream

    def create_delivery_stream(self):
        source = self._get_param('MSKSourceConfiguration')
        if source:
            if self._get_param('DeliveryStreamType') != 'MSKAsSource':
                raise InvalidArgumentException('MSKSourceConfiguration is only applicable for MSKAsSource stream type')
            problem = kafka.firehose_source_problem(source)
            if problem:
                raise InvalidArgumentException(problem)
        result = create(self)
        if source:
            name = self._get_param('DeliveryStreamName')
            arn = self.firehose_backend.delivery_streams[name].delivery_stream_arn
            description = {
                'MSKClusterARN': source['MSKClusterARN'],
                'TopicName': source['TopicName'],
                'AuthenticationConfiguration': source['AuthenticationConfiguration'],
                'DeliveryStartTimestamp': datetime.datetime.now(datetime.timezone.utc).timestamp(),
            }
            read_from = source.get('ReadFromTimestamp')
            if read_from is not None:
                description['ReadFromTimestamp'] = read_from.timestamp() if isinstance(read_from, datetime.datetime) else read_from
            _msk_sources[arn] = description
        return result

    FirehoseResponse.create_delivery_stream = create_delivery_stream

    describe = FirehoseBackend.describe_delivery_stream

    def describe_delivery_stream(self, delivery_stream_name):
        result = describe(self, delivery_stream_name)
        stream = result['DeliveryStreamDescription']
        source = _msk_sources.get(stream.get('DeliveryStreamARN'))
        if source:
            stream['Source'] = {'MSKSourceDescription': source}
        return result

    FirehoseBackend.describe_delivery_stream = describe_delivery_stream

    delete = FirehoseBackend.delete_delivery_stream

    def delete_delivery_stream(self, delivery_stream_name, *args, **kwargs):
        stream = self.delivery_streams.get(delivery_stream_name)
        delete(self, delivery_stream_name, *args, **kwargs)
        if stream is not None:
            _msk_sources.pop(stream.delivery_stream_arn, None)

    FirehoseBackend.delete_delivery_stream = delete_delivery_stream


def _json(status, payload, headers=None):
    return status, {'Content-Type': 'application/x-amz-json-1.1', **(headers or {})}, json.dumps(payload).encode()


_budget_tags = {}


def _budgets(target, body, account):
    """Budget tags (moto ignores them) and the notification subscribers moto cannot list."""
    from moto.budgets.models import budgets_backends

    action = (target or '').split('.')[-1]
    if action == 'CreateBudget':
        arn = f"arn:aws:budgets::{body['AccountId']}:budget/{body['Budget']['BudgetName']}"
        _budget_tags[arn] = {t['Key']: t['Value'] for t in body.get('ResourceTags', [])}
        return None  # moto creates the budget
    if action == 'ListTagsForResource':
        tags = _budget_tags.get(body['ResourceARN'], {})
        return _json(200, {'ResourceTags': [{'Key': k, 'Value': v} for k, v in sorted(tags.items())]})
    if action == 'TagResource':
        _budget_tags.setdefault(body['ResourceARN'], {}).update({t['Key']: t['Value'] for t in body['ResourceTags']})
        return _json(200, {})
    if action == 'UntagResource':
        for key in body['ResourceTagKeys']:
            _budget_tags.get(body['ResourceARN'], {}).pop(key, None)
        return _json(200, {})
    if action != 'DescribeSubscribersForNotification':
        return None
    backend = budgets_backends[account]['aws']
    budget = backend.budgets.get(body['AccountId'], {}).get(body['BudgetName'])
    if budget is None:
        return _json(400, {'__type': 'NotFoundException', 'Message': f"Budget {body['BudgetName']} does not exist"})
    for notification in budget.notifications:
        if all(notification.details.get(k) == v for k, v in body['Notification'].items()):
            return _json(200, {'Subscribers': notification.subscribers})
    return _json(400, {'__type': 'NotFoundException', 'Message': 'Notification does not exist'})


def _efs(method, path, body, account, region):
    from moto.efs.models import efs_backends

    parts = path.strip('/').split('/')
    if len(parts) != 4 or parts[:2] != ['2015-02-01', 'file-systems']:
        return None
    backend = efs_backends[account][region]
    file_system = backend.file_systems_by_id.get(parts[2])
    if parts[3] == 'backup-policy' and method == 'PUT':
        if file_system is None:
            return _json(404, {'ErrorCode': 'FileSystemNotFound', 'Message': parts[2]}, {'x-amzn-ErrorType': 'FileSystemNotFound'})
        file_system._backup = body['BackupPolicy']['Status'] == 'ENABLED'
        file_system.emulator_backup_status = body['BackupPolicy']['Status']
        return _json(200, {'BackupPolicy': {'Status': body['BackupPolicy']['Status']}})
    if parts[3] == 'backup-policy' and method == 'GET' and hasattr(file_system, 'emulator_backup_status'):
        # Once set, AWS reports the policy's status, DISABLED included (moto: PolicyNotFound).
        return _json(200, {'BackupPolicy': {'Status': file_system.emulator_backup_status}})
    if parts[3] == 'policy' and method == 'DELETE':
        if file_system is None:
            return _json(404, {'ErrorCode': 'FileSystemNotFound', 'Message': parts[2]}, {'x-amzn-ErrorType': 'FileSystemNotFound'})
        file_system.file_system_policy = None
        return 200, {}, b''
    return None


class Extensions:
    """WSGI middleware: serves what moto lacks, passes everything else to moto."""

    def __init__(self, app, account):
        self.app, self.account = app, account

    @staticmethod
    def _action(environ, service):
        target = environ.get('HTTP_X_AMZ_TARGET')
        if target:
            return target.split('.')[-1]
        if environ['REQUEST_METHOD'] == 'POST' and environ.get('CONTENT_TYPE', '').startswith('application/x-www-form-urlencoded'):
            import io

            length = int(environ.get('CONTENT_LENGTH') or 0)
            raw = environ['wsgi.input'].read(length) if length else b''
            environ['wsgi.input'] = io.BytesIO(raw)
            return parse_qs(raw.decode(errors='replace')).get('Action', ['?'])[0]
        return f"{environ['REQUEST_METHOD']} {environ.get('PATH_INFO', '')}"

    def __call__(self, environ, start_response):
        # A retry of a call the emulator already carried out gets the first answer again. Under
        # load an SDK now and then retries a call whose answer it never read, and the second
        # attempt would fail ("InvalidGroup.Duplicate", "EntityAlreadyExists") although the first
        # one worked. AWS SDKs send one invocation id for every attempt of a call.
        invocation = environ.get('HTTP_AMZ_SDK_INVOCATION_ID')
        retry = not environ.get('HTTP_AMZ_SDK_REQUEST', 'attempt=1').startswith('attempt=1')
        if invocation and retry and invocation in _in_flight:
            _in_flight[invocation].wait(300)  # the first attempt may still be queued for moto
        if invocation and retry and invocation in _answered:
            status, headers, body = _answered[invocation]
            print(f'emulator: replayed the answer to a retried call ({invocation})', file=sys.stderr, flush=True)
            start_response(status, headers)
            return [body]
        recorded = []

        def recording(status, headers, *rest):
            recorded.append((status, list(headers)))
            return start_response(status, headers, *rest)

        done = _in_flight.setdefault(invocation, threading.Event()) if invocation else None
        try:
            body = b''.join(self._answer(environ, recording))
            if invocation and recorded and recorded[0][0].startswith('2'):
                _answered[invocation] = (recorded[0][0], recorded[0][1], body)
                while len(_answered) > 10000:
                    _answered.popitem(last=False)
        finally:
            if done is not None:
                done.set()
                _in_flight.pop(invocation, None)
        return [body]

    def _answer(self, environ, start_response):
        _request.secure = environ.get('wsgi.url_scheme') == 'https'
        scope = environ.get('HTTP_AUTHORIZATION', '').split('Credential=')[-1].split(',')[0].split('/')
        region, service = (scope[2], scope[3]) if len(scope) == 5 else (None, None)
        method, path = environ['REQUEST_METHOD'], environ.get('PATH_INFO', '')
        answer = None
        if service in ('kafka', 'budgets', 'elasticfilesystem'):
            length = int(environ.get('CONTENT_LENGTH') or 0)
            raw = environ['wsgi.input'].read(length) if length else b''
            if service == 'kafka':
                answer = kafka.handle(method, path, parse_qs(environ.get('QUERY_STRING', '')), raw, self.account, region)
            elif service == 'budgets':
                answer = _budgets(environ.get('HTTP_X_AMZ_TARGET'), json.loads(raw or b'{}'), self.account)
            else:
                answer = _efs(method, path, json.loads(raw or b'{}'), self.account, region)
            if answer is None:
                import io

                environ['wsgi.input'] = io.BytesIO(raw)
        if answer is None:
            action = self._action(environ, service)
            statuses = []

            def recording_start_response(status, headers, *rest):
                statuses.append(status)
                return start_response(status, headers, *rest)

            # moto's backends are not thread-safe (SSM DescribeParameters fails with "dictionary
            # changed size during iteration" under parallel applies): one request at a time.
            with _moto_lock:
                body = list(self.app(environ, recording_start_response))
            if statuses and not statuses[0].startswith(('2', '3')):
                # Which call failed, for the tier's log (werkzeug's line shows only "POST /").
                print(f'emulator: {service} {action} -> {statuses[0]}', file=sys.stderr, flush=True)
            return body
        status, headers, body = answer
        reason = {200: 'OK', 204: 'No Content', 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict'}.get(status, 'Error')
        start_response(f'{status} {reason}', [*headers.items(), ('Content-Length', str(len(body)))])
        return [body]


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument('--certs', required=True, help='directory for the generated TLS certificate')
    parser.add_argument('--port', type=int, default=0, help='0 (default): any free port')
    args = parser.parse_args(argv)
    account = os.environ.setdefault('MOTO_ACCOUNT_ID', '123456789012')

    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import ThreadedWSGIServer, load_ssl_context

    patch_moto()
    cert, key = write_certificate(args.certs)
    app = Extensions(DomainDispatcherApplication(create_backend_app), account)
    # Terraform runs dozens of requests at once: a deep accept queue, and each TLS handshake in its
    # request's thread (werkzeug does it in the accept loop, one at a time, so handshakes queue up
    # behind each other and clients time out and retry requests the emulator already carried out).
    ThreadedWSGIServer.request_queue_size = 512
    server = ThreadedWSGIServer('127.0.0.1', args.port, app)
    context = load_ssl_context(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    server.ssl_context = context
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f'READY {server.server_port} {cert}', flush=True)
    server.serve_forever()


if __name__ == '__main__':
    main()
