"""Amazon MSK for the emulator.

moto 5.x keeps MSK clusters in CREATING for ever, has no configurations and no bootstrap brokers,
so the provider cannot create `aws_msk_configuration` or `aws_msk_cluster`. This module serves the
MSK REST API the provider uses, in memory, with the shapes AWS documents: what a request sets is
what a describe returns, AWS's defaults fill what it leaves out, and every update is an operation
that completes at once. Requests it does not know get a 404 naming the route, so a new call the
provider makes shows up as a clear failure instead of a hang.
"""
import json
import re
import threading
import time
import uuid

_lock = threading.Lock()
_clusters = {}
_configurations = {}
_operations = {}
_policies = {}
_tags = {}


def _now():
    return time.strftime('%Y-%m-%dT%H:%M:%S.000Z', time.gmtime())


def _version():
    # AWS's cluster versions are opaque strings; the provider sends the current one with updates.
    return 'K' + uuid.uuid4().hex[:13].upper()


class KafkaError(Exception):
    def __init__(self, status, kind, message):
        super().__init__(message)
        self.status, self.kind, self.message = status, kind, message


def _not_found(what, arn):
    return KafkaError(404, 'NotFoundException', f'{what} {arn} does not exist')


def _cluster(arn):
    if arn not in _clusters:
        raise _not_found('Cluster', arn)
    return _clusters[arn]


def _connectivity_defaults(info):
    connectivity = info.setdefault('connectivityInfo', {})
    connectivity.setdefault('publicAccess', {'type': 'DISABLED'})
    vpc = connectivity.setdefault('vpcConnectivity', {})
    auth = vpc.setdefault('clientAuthentication', {})
    sasl = auth.setdefault('sasl', {})
    sasl.setdefault('iam', {'enabled': False})
    sasl.setdefault('scram', {'enabled': False})
    auth.setdefault('tls', {'enabled': False})


def _create_cluster(account, region, body):
    name = body['clusterName']
    cluster_id = f'{uuid.uuid4()}-{len(_clusters) + 1}'
    arn = f'arn:aws:kafka:{region}:{account}:cluster/{name}/{cluster_id}'
    broker = dict(body['brokerNodeGroupInfo'])
    broker.setdefault('brokerAZDistribution', 'DEFAULT')
    broker.setdefault('storageInfo', {'ebsStorageInfo': {'volumeSize': 1000}})
    _connectivity_defaults(broker)
    if broker['connectivityInfo']['publicAccess']['type'] != 'DISABLED':
        # AWS's own refusal, which is why the project creates clusters in two phases.
        raise KafkaError(400, 'BadRequestException', 'When creating a cluster, the only valid value for the Type parameter in PublicAccess is DISABLED.')
    encryption = dict(body.get('encryptionInfo') or {})
    encryption.setdefault('encryptionInTransit', {'clientBroker': 'TLS', 'inCluster': True})
    encryption.setdefault('encryptionAtRest', {'dataVolumeKMSKeyId': f'arn:aws:kms:{region}:{account}:key/{uuid.uuid4()}'})
    configuration = body.get('configurationInfo')
    cluster = {
        'clusterArn': arn,
        'clusterName': name,
        'clusterType': 'PROVISIONED',
        'creationTime': _now(),
        'currentVersion': _version(),
        'state': 'ACTIVE',
        'brokerNodeGroupInfo': broker,
        'clientAuthentication': body.get('clientAuthentication') or {'unauthenticated': {'enabled': True}},
        'currentBrokerSoftwareInfo': {
            'kafkaVersion': body['kafkaVersion'],
            **({'configurationArn': configuration['arn'], 'configurationRevision': configuration['revision']} if configuration else {}),
        },
        'encryptionInfo': encryption,
        'enhancedMonitoring': body.get('enhancedMonitoring', 'DEFAULT'),
        'openMonitoring': body.get('openMonitoring') or {'prometheus': {'jmxExporter': {'enabledInBroker': False}, 'nodeExporter': {'enabledInBroker': False}}},
        'loggingInfo': body.get('loggingInfo') or {},
        'numberOfBrokerNodes': body['numberOfBrokerNodes'],
        'storageMode': body.get('storageMode', 'LOCAL'),
        'zookeeperConnectString': ','.join(f'z-{i}.{name}.{cluster_id[:6]}.c2.kafka.{region}.amazonaws.com:2181' for i in (1, 2, 3)),
        'zookeeperConnectStringTls': ','.join(f'z-{i}.{name}.{cluster_id[:6]}.c2.kafka.{region}.amazonaws.com:2182' for i in (1, 2, 3)),
    }
    if configuration:
        _configuration(configuration['arn'])  # AWS refuses an unknown configuration
    _clusters[arn] = cluster
    _tags[arn] = dict(body.get('tags') or {})
    return {'clusterArn': arn, 'clusterName': name, 'state': 'CREATING'}


def _bootstrap_brokers(cluster):
    name, region = cluster['clusterName'], cluster['clusterArn'].split(':')[3]
    short = cluster['clusterArn'].rsplit('/', 1)[1][:6]
    hosts = [f'b-{i}.{name}.{short}.c2.kafka.{region}.amazonaws.com' for i in range(1, cluster['numberOfBrokerNodes'] + 1)]
    public_hosts = [h.replace(f'b-{i}.', f'b-{i}-public.', 1) for i, h in enumerate(hosts, 1)]
    join = lambda names, port: ','.join(f'{h}:{port}' for h in names)
    auth = cluster['clientAuthentication']
    iam = auth.get('sasl', {}).get('iam', {}).get('enabled', False)
    scram = auth.get('sasl', {}).get('scram', {}).get('enabled', False)
    in_transit = cluster['encryptionInfo']['encryptionInTransit']['clientBroker']
    connectivity = cluster['brokerNodeGroupInfo']['connectivityInfo']
    public = connectivity['publicAccess']['type'] != 'DISABLED'
    vpc_iam = connectivity['vpcConnectivity']['clientAuthentication']['sasl']['iam']['enabled']
    result = {}
    if in_transit in ('TLS', 'TLS_PLAINTEXT'):
        result['bootstrapBrokerStringTls'] = join(hosts, 9094)
    if in_transit in ('PLAINTEXT', 'TLS_PLAINTEXT'):
        result['bootstrapBrokerString'] = join(hosts, 9092)
    if iam:
        result['bootstrapBrokerStringSaslIam'] = join(hosts, 9098)
        if public:
            result['bootstrapBrokerStringPublicSaslIam'] = join(public_hosts, 9198)
        if vpc_iam:
            result['bootstrapBrokerStringVpcConnectivitySaslIam'] = join(hosts, 14001)
    if scram:
        result['bootstrapBrokerStringSaslScram'] = join(hosts, 9096)
    return result


def firehose_source_problem(source):
    """Why Firehose would refuse an MSK source (AWS Firehose "Configure source settings for Amazon
    MSK"), or None: the cluster exists and is active with IAM auth, and PUBLIC needs its public
    endpoints while PRIVATE needs multi-VPC connectivity (IAM) and a cluster policy letting Firehose
    create the VPC connection."""
    arn = source.get('MSKClusterARN')
    connectivity = (source.get('AuthenticationConfiguration') or {}).get('Connectivity')
    with _lock:
        cluster = _clusters.get(arn)
        if cluster is None:
            return f'MSK cluster {arn} does not exist'
        if not cluster['clientAuthentication'].get('sasl', {}).get('iam', {}).get('enabled', False):
            return f'MSK cluster {arn} does not have IAM access control enabled'
        info = cluster['brokerNodeGroupInfo']['connectivityInfo']
        if connectivity == 'PUBLIC' and info['publicAccess']['type'] == 'DISABLED':
            return f'MSK cluster {arn} does not have public access enabled, which PUBLIC connectivity needs'
        if connectivity == 'PRIVATE':
            if not info['vpcConnectivity']['clientAuthentication']['sasl']['iam']['enabled']:
                return f'MSK cluster {arn} does not have multi-VPC private connectivity enabled for IAM, which PRIVATE connectivity needs'
            policy = json.loads(_policies.get(arn, {}).get('policy') or '{}')
            allowed = any(
                'firehose.amazonaws.com' in json.dumps(s.get('Principal')) and 'kafka:CreateVpcConnection' in json.dumps(s.get('Action'))
                for s in policy.get('Statement', []) if s.get('Effect') == 'Allow'
            )
            if not allowed:
                return f'the cluster policy of {arn} does not allow firehose.amazonaws.com kafka:CreateVpcConnection, which PRIVATE connectivity needs'
        if connectivity not in ('PUBLIC', 'PRIVATE'):
            return f'Connectivity {connectivity!r} is not PUBLIC or PRIVATE'
    return None


def _operation(cluster, kind, source, target):
    arn = cluster['clusterArn'].replace(':cluster/', ':cluster-operation/') + f'/{uuid.uuid4()}'
    _operations[arn] = {
        'clusterArn': cluster['clusterArn'],
        'clusterOperationArn': arn,
        'creationTime': _now(),
        'endTime': _now(),
        'operationState': 'UPDATE_COMPLETE',
        'operationType': kind,
        'sourceClusterInfo': source,
        'targetClusterInfo': target,
    }
    return {'clusterArn': cluster['clusterArn'], 'clusterOperationArn': arn}


def _check_version(cluster, body):
    if body.get('currentVersion') != cluster['currentVersion']:
        raise KafkaError(400, 'BadRequestException', f"The request's current version {body.get('currentVersion')} is not the cluster's current version {cluster['currentVersion']}.")


def _update(cluster, kind, body, apply):
    _check_version(cluster, body)
    source = json.loads(json.dumps(cluster))
    apply(cluster, body)
    cluster['currentVersion'] = _version()
    return _operation(cluster, kind, source, body)


def _set_connectivity(cluster, body):
    merged = cluster['brokerNodeGroupInfo']['connectivityInfo']
    merged.update(body['connectivityInfo'])
    _connectivity_defaults(cluster['brokerNodeGroupInfo'])


def _set_configuration(cluster, body):
    _configuration(body['configurationInfo']['arn'])
    cluster['currentBrokerSoftwareInfo'].update(configurationArn=body['configurationInfo']['arn'], configurationRevision=body['configurationInfo']['revision'])


def _set_security(cluster, body):
    if 'clientAuthentication' in body:
        cluster['clientAuthentication'] = body['clientAuthentication']
    if 'encryptionInfo' in body:
        cluster['encryptionInfo'].update(body['encryptionInfo'])


def _set_monitoring(cluster, body):
    for key in ('enhancedMonitoring', 'openMonitoring', 'loggingInfo'):
        if key in body:
            cluster[key] = body[key]


def _set_storage(cluster, body):
    for item in body.get('targetBrokerEBSVolumeInfo', []):
        cluster['brokerNodeGroupInfo']['storageInfo']['ebsStorageInfo']['volumeSize'] = item['volumeSizeGB']


UPDATES = {
    'connectivity': ('UPDATE_CONNECTIVITY', _set_connectivity),
    'configuration': ('UPDATE_CLUSTER_CONFIGURATION', _set_configuration),
    'security': ('UPDATE_SECURITY', _set_security),
    'monitoring': ('UPDATE_MONITORING', _set_monitoring),
    'nodes/storage': ('UPDATE_BROKER_STORAGE', _set_storage),
    'nodes/type': ('UPDATE_BROKER_TYPE', lambda c, b: c['brokerNodeGroupInfo'].update(instanceType=b['targetInstanceType'])),
    'nodes/count': ('INCREASE_BROKER_COUNT', lambda c, b: c.update(numberOfBrokerNodes=b['targetNumberOfBrokerNodes'])),
    'version': ('UPDATE_KAFKA_VERSION', lambda c, b: c['currentBrokerSoftwareInfo'].update(kafkaVersion=b['targetKafkaVersion'])),
}


def _configuration(arn):
    if arn not in _configurations:
        # AWS answers a missing configuration with this 400, not a 404; the provider's delete and
        # read waiters look for exactly this code and message.
        raise KafkaError(400, 'BadRequestException', 'Configuration ARN does not exist.')
    return _configurations[arn]


def _create_configuration(account, region, body):
    name = body['name']
    if any(c['name'] == name for c in _configurations.values()):
        raise KafkaError(409, 'ConflictException', f'A configuration named {name} already exists.')
    arn = f'arn:aws:kafka:{region}:{account}:configuration/{name}/{uuid.uuid4()}-1'
    revision = {'creationTime': _now(), 'description': body.get('description', ''), 'revision': 1, 'serverProperties': body['serverProperties']}
    _configurations[arn] = {'arn': arn, 'name': name, 'creationTime': revision['creationTime'], 'kafkaVersions': body.get('kafkaVersions', []), 'state': 'ACTIVE', 'revisions': [revision]}
    return {'arn': arn, 'name': name, 'creationTime': revision['creationTime'], 'state': 'ACTIVE', 'latestRevision': _public_revision(revision)}


def _public_revision(revision):
    return {k: revision[k] for k in ('creationTime', 'description', 'revision')}


def _describe_configuration(configuration):
    latest = configuration['revisions'][-1]
    return {
        'arn': configuration['arn'],
        'name': configuration['name'],
        'creationTime': configuration['creationTime'],
        'description': latest['description'],
        'kafkaVersions': configuration['kafkaVersions'],
        'state': configuration['state'],
        'latestRevision': _public_revision(latest),
    }


def _route(method, path, query, body, account, region):
    """Returns (status, payload) for one MSK request."""
    m = re.fullmatch(r'/(v1|api/v2)/clusters', path)
    if m and method == 'POST':
        if m.group(1) == 'api/v2':
            provisioned = body['provisioned']
            return 200, _create_cluster(account, region, {**provisioned, 'clusterName': body['clusterName'], 'tags': body.get('tags')})
        return 200, _create_cluster(account, region, body)
    if m and method == 'GET':
        infos = [_cluster_info(c, m.group(1)) for c in _clusters.values() if not query.get('clusterNameFilter') or c['clusterName'].startswith(query['clusterNameFilter'][0])]
        return 200, {'clusterInfoList': infos}
    m = re.fullmatch(r'/(v1|api/v2)/clusters/(arn:[^/]+/[^/]+/[^/]+)(?:/(.+))?', path)
    if m:
        api, arn, rest = m.groups()
        cluster = _cluster(arn)
        if rest is None and method == 'GET':
            return 200, {'clusterInfo': _cluster_info(cluster, api)}
        if rest is None and method == 'DELETE':
            del _clusters[arn]
            _policies.pop(arn, None)
            return 200, {'clusterArn': arn, 'state': 'DELETING'}
        if rest == 'bootstrap-brokers' and method == 'GET':
            return 200, _bootstrap_brokers(cluster)
        if rest == 'policy':
            if method == 'PUT':
                _policies[arn] = {'policy': body['policy'], 'currentVersion': _version()}
                return 200, {'currentVersion': _policies[arn]['currentVersion']}
            if method == 'GET':
                if arn not in _policies:
                    raise _not_found('Policy of cluster', arn)
                return 200, _policies[arn]
            if method == 'DELETE':
                _policies.pop(arn, None)
                return 200, {}
        if rest == 'client-vpc-connections' and method == 'GET':
            return 200, {'clientVpcConnections': []}
        if rest in UPDATES and method == 'PUT':
            kind, apply = UPDATES[rest]
            return 200, _update(cluster, kind, body, apply)
    m = re.fullmatch(r'/(v1|api/v2)/operations/(.+)', path)
    if m and method == 'GET':
        if m.group(2) not in _operations:
            raise _not_found('Operation', m.group(2))
        return 200, {'clusterOperationInfo': _operations[m.group(2)]}
    if path == '/v1/configurations' and method == 'POST':
        return 200, _create_configuration(account, region, body)
    if path == '/v1/configurations' and method == 'GET':
        return 200, {'configurations': [_describe_configuration(c) for c in _configurations.values()]}
    m = re.fullmatch(r'/v1/configurations/(arn:[^/]+/[^/]+/[^/]+)(?:/revisions(?:/(\d+))?)?', path)
    if m:
        configuration = _configuration(m.group(1))
        if path.endswith(m.group(1)):
            if method == 'GET':
                return 200, _describe_configuration(configuration)
            if method == 'PUT':
                revision = {'creationTime': _now(), 'description': body.get('description', ''), 'revision': len(configuration['revisions']) + 1, 'serverProperties': body['serverProperties']}
                configuration['revisions'].append(revision)
                return 200, {'arn': configuration['arn'], 'latestRevision': _public_revision(revision)}
            if method == 'DELETE':
                if any(c['currentBrokerSoftwareInfo'].get('configurationArn') == configuration['arn'] for c in _clusters.values()):
                    raise KafkaError(400, 'BadRequestException', f"Configuration {configuration['arn']} is in use by a cluster.")
                del _configurations[configuration['arn']]
                return 200, {'arn': configuration['arn'], 'state': 'DELETING'}
        if m.group(2) and method == 'GET':
            number = int(m.group(2))
            if not 1 <= number <= len(configuration['revisions']):
                raise _not_found('Revision', f"{configuration['arn']}/{number}")
            return 200, {'arn': configuration['arn'], **configuration['revisions'][number - 1]}
        if method == 'GET':
            return 200, {'revisions': [_public_revision(r) for r in configuration['revisions']]}
    m = re.fullmatch(r'/v1/tags/(.+)', path)
    if m:
        arn = m.group(1)
        tags = _tags.setdefault(arn, {})
        if method == 'GET':
            return 200, {'tags': tags}
        if method == 'POST':
            tags.update(body.get('tags', {}))
            return 204, None
        if method == 'DELETE':
            for key in query.get('tagKeys', []):
                tags.pop(key, None)
            return 204, None
    raise KafkaError(404, 'NotFoundException', f'the emulator does not serve MSK {method} {path}')


def _cluster_info(cluster, api):
    info = {k: v for k, v in cluster.items()}
    info['tags'] = _tags.get(cluster['clusterArn'], {})
    if api == 'v1':
        return info
    general = ('clusterArn', 'clusterName', 'clusterType', 'creationTime', 'currentVersion', 'state', 'tags')
    return {**{k: info[k] for k in general}, 'provisioned': {k: v for k, v in info.items() if k not in general}}


def handle(method, path, query, raw_body, account, region):
    """(status, headers, body bytes) for one MSK request."""
    body = json.loads(raw_body) if raw_body else {}
    with _lock:
        try:
            status, payload = _route(method, path, query, body, account, region)
        except KafkaError as error:
            return error.status, {'x-amzn-ErrorType': error.kind, 'Content-Type': 'application/json'}, json.dumps({'message': error.message}).encode()
    return status, {'Content-Type': 'application/json'}, (json.dumps(payload).encode() if payload is not None else b'')

