import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { stackAddresses } from '../../src/terraform-json/document';
import { PlatformStack } from '../../src/core/platform-stack';
import { AddressError } from '../../src/core/input-error';
import { expectInputError } from '../helpers/input-error';

function platformStack(): PlatformStack {
  return new PlatformStack(Testing.app(), 'test-stack', {
    region: 'eu-west-1',
    accountId: '111122223333',
    tags: { environment: 'test', layer: 'base-infra', repository: 'example' },
  });
}

describe('PlatformStack addresses', () => {
  it('names a resource after its construct path in snake case, like hand-written HCL', () => {
    // GIVEN a subnet two levels below the stack
    const stack = platformStack();
    const network = new Construct(stack, 'network');
    new Subnet(network, 'privateA', { vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24' });
    // WHEN the stack is synthesized
    const addresses = stackAddresses(JSON.parse(Testing.synth(stack)));
    // THEN the address is the joined path, with no hash suffix
    expect(addresses).toEqual(['aws_subnet.network_private_a']);
  });

  it('drops a last `this` so the main resource of a construct carries the construct name', () => {
    const stack = platformStack();
    const network = new Construct(stack, 'network');
    new Subnet(network, 'this', { vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24' });
    expect(stackAddresses(JSON.parse(Testing.synth(stack)))).toEqual(['aws_subnet.network']);
  });

  it('lets a resource and a data source of one type share a name (they are different addresses)', () => {
    // GIVEN image/id (a resource) and image_id (a data source), both snake-cased to image_id
    const stack = platformStack();
    new SsmParameter(new Construct(stack, 'image'), 'id', { name: '/x', type: 'String', value: 'y' });
    new DataAwsSsmParameter(stack, 'image_id', { name: '/x' });
    // WHEN synthesized THEN both exist under their own block kind
    expect(stackAddresses(JSON.parse(Testing.synth(stack)))).toEqual(['aws_ssm_parameter.image_id', 'data.aws_ssm_parameter.image_id']);
  });

  it('rejects two constructs whose paths map to the same address, naming both', () => {
    // GIVEN network/private_a and network_private/a, which both snake-case to network_private_a
    const stack = platformStack();
    new Subnet(new Construct(stack, 'network'), 'private_a', { vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24' });
    // WHEN the second one is added and the stack synthesized
    new Subnet(new Construct(stack, 'network_private'), 'a', { vpcId: 'vpc-1', cidrBlock: '10.0.1.0/24' });
    // THEN synth fails with both construct paths and the fix
    expectInputError(
      AddressError,
      () => Testing.synth(stack),
      'test-stack/network_private/a: id = "a" makes the Terraform address resource.aws_subnet.network_private_a, which test-stack/network/private_a already has. Fix: give one of the constructs another id',
    );
  });
});
