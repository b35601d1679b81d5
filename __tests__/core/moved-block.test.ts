import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { renamed } from '../../src/core/moved-block';
import { PlatformStack } from '../../src/core/platform-stack';
import { AddressError } from '../../src/core/input-error';
import { expectInputError } from '../helpers/input-error';

/** A stack whose subnet now lives at network/private_a (address aws_subnet.network_private_a). */
function stackWithSubnet(): { stack: PlatformStack; subnet: Subnet } {
  const stack = new PlatformStack(Testing.app(), 'test-stack', {
    region: 'eu-west-1',
    accountId: '111122223333',
    tags: { environment: 'test', layer: 'base-infra', repository: 'example' },
  });
  const subnet = new Subnet(new Construct(stack, 'network'), 'private_a', { vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24' });
  return { stack, subnet };
}

describe('renamed', () => {
  it('emits a Terraform moved block from the old address to the resource it is given', () => {
    // GIVEN a subnet that used to be aws_subnet.private_a
    const { stack, subnet } = stackWithSubnet();
    // WHEN the rename is declared on the subnet itself
    renamed(subnet, 'aws_subnet.private_a');
    // THEN the stack carries the moved block to the subnet's address and still declares the resource there
    const config = JSON.parse(Testing.synth(stack));
    expect(config.moved).toEqual([{ from: 'aws_subnet.private_a', to: 'aws_subnet.network_private_a' }]);
    expect(Object.keys(config.resource.aws_subnet)).toEqual(['network_private_a']);
  });

  it('keeps several renames of one stack, in declaration order', () => {
    const { stack, subnet } = stackWithSubnet();
    const vpc = new Vpc(stack, 'network_vpc', { cidrBlock: '10.0.0.0/16' });
    renamed(subnet, 'aws_subnet.private_a');
    renamed(vpc, 'aws_vpc.main');
    expect(JSON.parse(Testing.synth(stack)).moved).toEqual([
      { from: 'aws_subnet.private_a', to: 'aws_subnet.network_private_a' },
      { from: 'aws_vpc.main', to: 'aws_vpc.network_vpc' },
    ]);
  });

  it('rejects an address that is not <type>.<name>', () => {
    expectInputError(
      AddressError,
      () => renamed(stackWithSubnet().subnet, 'private_a'),
      'moved block: from = "private_a" is not a resource address. Fix: write <type>.<name>, e.g. aws_subnet.private_a',
    );
  });

  it('rejects a move between two resource types', () => {
    expectInputError(
      AddressError,
      () => renamed(stackWithSubnet().subnet, 'aws_vpc.private_a'),
      'moved block: from = "aws_vpc.private_a" is a aws_vpc, and test-stack/network/private_a is a aws_subnet. Fix: a rename keeps the type',
    );
  });

  it("fails synth when the old address is the resource's own", () => {
    const { stack, subnet } = stackWithSubnet();
    renamed(subnet, 'aws_subnet.network_private_a');
    expectInputError(AddressError, () => Testing.synth(stack), 'moved block: from = "aws_subnet.network_private_a" is the address the resource has now. Fix: remove the rename');
  });

  it('fails synth when the old address is still declared', () => {
    const { stack, subnet } = stackWithSubnet();
    new Subnet(stack, 'private_a', { vpcId: 'vpc-1', cidrBlock: '10.0.1.0/24' });
    renamed(subnet, 'aws_subnet.private_a');
    expectInputError(AddressError, () => Testing.synth(stack), 'moved block: from = "aws_subnet.private_a" is still declared in stack test-stack. Fix:');
  });
});
