import { Network, type NetworkProps } from '../../../src/constructs/network/network';
import { Names } from '../../../src/core/naming';
import { resource, resources, synthJson } from '../../helpers/synth';
import { testStack } from '../../helpers/stack';

const props: NetworkProps = {
  names: new Names('test'),
  region: 'eu-west-1',
  cidr: '10.0.0.0/16',
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
  publicSubnetCidrs: ['10.0.0.0/24', '10.0.1.0/24'],
  privateSubnetCidrs: ['10.0.10.0/24', '10.0.11.0/24'],
  natGateways: 1,
  flowLogRetentionInDays: 14,
};

function synthNetwork(overrides: Partial<NetworkProps> = {}) {
  const stack = testStack();
  new Network(stack, 'network', { ...props, ...overrides });
  return synthJson(stack);
}

describe('Network', () => {
  it('shares one NAT gateway across private route tables when natGateways is 1', () => {
    const json = synthNetwork({ natGateways: 1 });
    expect(Object.keys(resources(json, 'aws_nat_gateway'))).toEqual(['network_nat_a_gateway']);
    expect(resource(json, 'aws_route', 'network_private_b_nat').nat_gateway_id).toBe('${aws_nat_gateway.network_nat_a_gateway.id}');
  });

  it('routes each private subnet through the NAT gateway of its own zone when there is one per zone', () => {
    const json = synthNetwork({ natGateways: 2 });
    expect(Object.keys(resources(json, 'aws_nat_gateway')).sort()).toEqual(['network_nat_a_gateway', 'network_nat_b_gateway']);
    expect(resource(json, 'aws_route', 'network_private_b_nat').nat_gateway_id).toBe('${aws_nat_gateway.network_nat_b_gateway.id}');
    expect(resource(json, 'aws_nat_gateway', 'network_nat_b_gateway').subnet_id).toBe('${aws_subnet.network_public_b.id}');
  });

  it('places subnets in their zones with the configured ranges', () => {
    const json = synthNetwork();
    expect(resource(json, 'aws_subnet', 'network_private_b')).toMatchObject({ availability_zone: 'eu-west-1b', cidr_block: '10.0.11.0/24' });
    expect(resource(json, 'aws_route', 'network_public_internet')).toMatchObject({
      destination_cidr_block: '0.0.0.0/0',
      gateway_id: '${aws_internet_gateway.network_internet_gateway.id}',
    });
  });

  it('attaches the S3 gateway endpoint to every route table', () => {
    const endpoint = resource(synthNetwork(), 'aws_vpc_endpoint', 'network_s3_endpoint');
    expect(endpoint).toMatchObject({ service_name: 'com.amazonaws.eu-west-1.s3', vpc_endpoint_type: 'Gateway' });
    expect(endpoint.route_table_ids).toHaveLength(3);
  });

  it('keeps flow logs for the configured retention', () => {
    expect(resource(synthNetwork({ flowLogRetentionInDays: 90 }), 'aws_cloudwatch_log_group', 'network_flow_logs').retention_in_days).toBe(90);
  });
});
