import { TerraformOutput, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { awsPartition, managedPolicyArn } from '../../src/core/partition';
import { dataSources, platformStacks, synthJson } from '../helpers/synth';
import { testStack } from '../helpers/stack';

const PARTITION = '${data.aws_partition.partition.partition}';

describe('awsPartition', () => {
  test('one aws_partition data source per stack, shared by every caller in it', () => {
    // GIVEN two constructs in one stack asking for the partition
    const stack = testStack();
    const first = awsPartition(new Construct(stack, 'a'));
    const second = managedPolicyArn(new Construct(stack, 'b'), 'ReadOnlyAccess');
    new TerraformOutput(stack, 'first', { value: first });
    new TerraformOutput(stack, 'second', { value: second });
    // THEN both read the one data source
    const json = synthJson(stack);
    expect(Object.keys(dataSources(json, 'aws_partition'))).toEqual(['partition']);
    expect(json.output.first.value).toBe(PARTITION);
    expect(json.output.second.value).toBe(`arn:${PARTITION}:iam::aws:policy/ReadOnlyAccess`);
  });

  test('a stack that builds no ARN gets no partition data source', () => {
    const stack = testStack();
    new Construct(stack, 'nothing');
    expect(dataSources(synthJson(stack), 'aws_partition')).toEqual({});
  });
});

describe('the platform stacks', () => {
  test('no synthesized stack writes an ARN in the aws partition literally', () => {
    // GIVEN every stack of both environments WHEN synthesized THEN ARNs the code builds take the
    // partition from the provider (the config accepts regions of aws-cn and aws-us-gov)
    const { stacks } = platformStacks();
    const all = [stacks.bootstrap, ...Object.values(stacks.baseInfra), ...Object.values(stacks.atlas), ...Object.values(stacks.monitoring)];
    for (const stack of all) {
      const text = Testing.synth(stack);
      expect({ stack: stack.node.id, literal: text.match(/arn:aws[\w-]*:[^"\\]*/g) ?? [] }).toEqual({ stack: stack.node.id, literal: [] });
    }
  });
});
