import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { addressDiff, unreadableAddressReason } from '../../src/core/addresses';
import { stackAddresses } from '../../src/terraform-json/document';

describe('stackAddresses', () => {
  it('lists resources, data sources, outputs and variables as Terraform addresses, sorted', () => {
    // GIVEN a synthesized configuration with one block of each kind
    const config = {
      resource: { aws_subnet: { network_private_b: {}, network_private_a: {} } },
      data: { aws_ssm_parameter: { ecs_ec2_ami: {} } },
      output: { vpc_id: {} },
      variable: { google_client_secret: {} },
    };
    // WHEN its addresses are listed
    const addresses = stackAddresses(config);
    // THEN each kind has its Terraform prefix and the list is sorted
    expect(addresses).toEqual(['aws_subnet.network_private_a', 'aws_subnet.network_private_b', 'data.aws_ssm_parameter.ecs_ec2_ami', 'output.vpc_id', 'var.google_client_secret']);
  });
});

describe('unreadableAddressReason', () => {
  it('accepts lower snake case names', () => {
    expect(unreadableAddressReason('aws_subnet.network_private_a')).toBeUndefined();
    expect(unreadableAddressReason('data.aws_ssm_parameter.ecs_ec2_ami')).toBeUndefined();
  });

  it('fails the hash-suffixed addresses cdktf allocates by default', () => {
    // GIVEN a plain TerraformStack, which keeps cdktf's default logical id allocation
    const app = Testing.app();
    const stack = new TerraformStack(app, 'plain');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const network = new Construct(stack, 'network');
    new S3Bucket(network, 'logs', { bucket: 'x-logs' });
    // WHEN its addresses are checked
    const [address] = stackAddresses(JSON.parse(Testing.synth(stack)));
    // THEN the hash suffix is reported
    expect(address).toMatch(/^aws_s3_bucket\.network_logs_[0-9A-F]{8}$/);
    expect(unreadableAddressReason(address)).toBe(`${address} ends in a hash suffix`);
  });

  it('fails names that are not lower snake case', () => {
    expect(unreadableAddressReason('aws_subnet.Network-Private')).toBe('aws_subnet.Network-Private is not lower snake case');
  });
});

describe('addressDiff', () => {
  it('shows removed addresses with - and added ones with +', () => {
    expect(addressDiff(['aws_vpc.a', 'aws_vpc.b'], ['aws_vpc.b', 'aws_vpc.c'])).toEqual(['- aws_vpc.a', '+ aws_vpc.c']);
  });

  it('is empty when nothing changed', () => {
    expect(addressDiff(['aws_vpc.a'], ['aws_vpc.a'])).toEqual([]);
  });
});
