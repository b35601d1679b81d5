import { readFileSync } from 'fs';
import { Testing } from 'cdktf';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Construct } from 'constructs';
import { PlatformStack, type PlatformStackProps, stateKey } from '../../src/core/platform-stack';
import { synthJson } from '../helpers/synth';
import { AddressError, PropsError } from '../../src/core/input-error';
import { expectInputError } from '../helpers/input-error';

const props: PlatformStackProps = {
  region: 'eu-west-1',
  accountId: '111122223333',
  tags: { environment: 'dev', layer: 'atlas', repository: 'repo' },
  state: { bucket: 'state-bucket', lockTable: 'locks', region: 'eu-west-1', useLockfile: false },
  stateKey: stateKey('atlas', 'staging'),
};

describe('PlatformStack', () => {
  it('adds use_lockfile to the S3 backend only when the config asks for it', () => {
    const app = Testing.app();
    const without = synthJson(new PlatformStack(app, 'without', props));
    const withLockfile = synthJson(new PlatformStack(app, 'with', { ...props, state: { ...props.state!, useLockfile: true } }));
    expect(without.terraform.backend.s3.use_lockfile).toBeUndefined();
    expect(withLockfile.terraform.backend.s3).toMatchObject({ use_lockfile: true, encrypt: true, dynamodb_table: 'locks' });
  });

  it('pins the AWS provider to exactly the release the bindings were generated for (no lock file is committed)', () => {
    // GIVEN the provider release @cdktf/provider-aws was generated for, read from its own package
    const generatedFor = JSON.parse(readFileSync(require.resolve('@cdktf/provider-aws/package.json'), 'utf8')).cdktf.provider.version as string;
    // WHEN a stack is synthesized
    const json = synthJson(new PlatformStack(Testing.app(), 'pinned', props));
    // THEN every required provider is an explicit `=` pin of that release from the full registry source
    expect(json.terraform.required_providers).toEqual({ aws: { source: 'hashicorp/aws', version: `= ${generatedFor}` } });
  });

  it('names resources after their construct path in snake case, without hash suffixes', () => {
    const stack = new PlatformStack(Testing.app(), 'stack', props);
    const network = new Construct(stack, 'network');
    new Vpc(network, 'this', { cidrBlock: '10.0.0.0/16' });
    new Vpc(network, 'PeerVpc', { cidrBlock: '10.1.0.0/16' });
    expect(Object.keys(synthJson(stack).resource.aws_vpc).sort()).toEqual(['network', 'network_peer_vpc']);
  });

  it('fails when two constructs would get the same address, naming both', () => {
    const stack = new PlatformStack(Testing.app(), 'stack', props);
    new Vpc(new Construct(stack, 'a'), 'b_c', { cidrBlock: '10.0.0.0/16' });
    new Vpc(new Construct(stack, 'a_b'), 'c', { cidrBlock: '10.1.0.0/16' });
    expectInputError(AddressError, () => Testing.synth(stack), /stack\/a_b\/c: id = "c" makes the Terraform address resource\.aws_vpc\.a_b_c, which stack\/a\/b_c already has/);
  });

  it('rejects an S3 backend without a state key', () => {
    expectInputError(
      PropsError,
      () => new PlatformStack(Testing.app(), 'stack', { ...props, stateKey: undefined }),
      /stack stack: stateKey = \(missing\) is required with an S3 state backend \(state\.bucket = "[^"]+"\)\. Fix: pass stateKey/,
    );
  });
});
