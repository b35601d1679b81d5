import { Testing } from 'cdktf';
import { DataVolume } from '../../../src/constructs/monitoring/data-volume';
import { NetworkFlows } from '../../../src/constructs/monitoring/network-flows';
import { ServiceDiscovery } from '../../../src/constructs/monitoring/service-discovery';
import { PropsError } from '../../../src/core/input-error';
import { expectInputError } from '../../helpers/input-error';

const synth = (build: Parameters<typeof Testing.synthScope>[0]) => JSON.parse(Testing.synthScope(build)).resource;

describe('DataVolume', () => {
  test('pins the root directory and POSIX user of the access point', () => {
    // GIVEN a volume for loki  WHEN synthesized
    let mount: unknown;
    const resources = synth((scope) => {
      mount = new DataVolume(scope, 'loki_data', { fileSystemId: 'fs-1', name: 'loki-data', rootPath: '/monitoring/loki', posixUser: { uid: 10001, gid: 10001 } }).mountAt('/loki');
    });
    // THEN the access point enforces both, and the mount names it
    expect(Object.values<any>(resources.aws_efs_access_point)[0]).toEqual(
      expect.objectContaining({
        file_system_id: 'fs-1',
        posix_user: { uid: 10001, gid: 10001 },
        root_directory: { path: '/monitoring/loki', creation_info: { owner_uid: 10001, owner_gid: 10001, permissions: '0750' } },
      }),
    );
    expect(mount).toEqual(expect.objectContaining({ name: 'loki-data', containerPath: '/loki' }));
  });

  test('rejects a relative root path', () => {
    expectInputError(
      PropsError,
      () => synth((scope) => new DataVolume(scope, 'v', { fileSystemId: 'fs-1', name: 'x', rootPath: 'monitoring/x', posixUser: { uid: 1, gid: 1 } })),
      'DataVolume x: rootPath = "monitoring/x" is not an absolute path. Fix: e.g. "/monitoring/x"',
    );
  });
});

describe('NetworkFlows', () => {
  test('creates one described TCP rule per flow, from a group or a CIDR', () => {
    const resources = synth((scope) => {
      new NetworkFlows(scope, 'flows', {
        flows: [
          { id: 'a_to_b', description: 'A talks to B', toSecurityGroupId: 'sg-b', port: 3100, fromSecurityGroupId: 'sg-a' },
          { id: 'vpc_to_b', description: 'VPC talks to B', toSecurityGroupId: 'sg-b', port: 4317, fromCidr: '10.0.0.0/16' },
        ],
      });
    });
    const rules = Object.values<any>(resources.aws_vpc_security_group_ingress_rule);
    expect(rules).toEqual([
      expect.objectContaining({ security_group_id: 'sg-b', ip_protocol: 'tcp', from_port: 3100, to_port: 3100, referenced_security_group_id: 'sg-a', description: 'A talks to B' }),
      expect.objectContaining({ security_group_id: 'sg-b', from_port: 4317, to_port: 4317, cidr_ipv4: '10.0.0.0/16' }),
    ]);
  });

  test('rejects a flow with both or neither source', () => {
    const both = { id: 'x', description: 'x flow', toSecurityGroupId: 'sg-b', port: 1, fromSecurityGroupId: 'sg-a', fromCidr: '10.0.0.0/8' };
    expectInputError(
      PropsError,
      () => synth((scope) => new NetworkFlows(scope, 'f', { flows: [both] })),
      /^NetworkFlows x: fromSecurityGroupId = "[^"]+" and fromCidr = "[^"]+": give exactly one of them\. Fix:/,
    );
    expectInputError(
      PropsError,
      () => synth((scope) => new NetworkFlows(scope, 'f', { flows: [{ id: 'y', description: 'y flow', toSecurityGroupId: 'sg-b', port: 1 }] })),
      'NetworkFlows y: fromSecurityGroupId = (missing) and fromCidr = (missing): give exactly one of them',
    );
  });

  test('rejects a flow from the internet', () => {
    const open = { id: 'open', description: 'open flow', toSecurityGroupId: 'sg-b', port: 1, fromCidr: '0.0.0.0/0' };
    expectInputError(PropsError, () => synth((scope) => new NetworkFlows(scope, 'f', { flows: [open] })), 'fromCidr = "0.0.0.0/0" opens the port to the internet. Fix:');
  });
});

describe('ServiceDiscovery', () => {
  test('creates a private namespace with one multivalue A-record service per name', () => {
    let arn = '';
    const resources = synth((scope) => {
      arn = new ServiceDiscovery(scope, 'discovery', { namespaceName: 'monitoring.x.internal', vpcId: 'vpc-1', serviceNames: ['loki', 'otel-collector'] }).registryArn('otel-collector');
    });
    expect(Object.values<any>(resources.aws_service_discovery_private_dns_namespace)[0]).toEqual(expect.objectContaining({ name: 'monitoring.x.internal', vpc: 'vpc-1' }));
    const services = Object.values<any>(resources.aws_service_discovery_service);
    expect(services.map((s) => s.name)).toEqual(['loki', 'otel-collector']);
    expect(services[0].dns_config).toEqual(expect.objectContaining({ routing_policy: 'MULTIVALUE', dns_records: [{ type: 'A', ttl: 10 }] }));
    expect(arn).toMatch(/^\$\{TfToken/);
  });

  test('rejects a name that is not a DNS label, and an unknown service', () => {
    expectInputError(
      PropsError,
      () => synth((scope) => new ServiceDiscovery(scope, 'd', { namespaceName: 'n.internal', vpcId: 'v', serviceNames: ['Bad_Name'] })),
      'serviceNames = ["Bad_Name"] contains "Bad_Name", which is not a DNS label',
    );
    expectInputError(
      PropsError,
      () => synth((scope) => new ServiceDiscovery(scope, 'd', { namespaceName: 'n.internal', vpcId: 'v', serviceNames: ['a1'] }).registryArn('b1')),
      'ServiceDiscovery: name = "b1" is not one of serviceNames. Fix: add it to serviceNames',
    );
  });
});
