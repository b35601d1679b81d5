import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { type Acknowledgement, acknowledge } from '../../core/acknowledge';
import { PropsError } from '../../core/input-error';

/** One allowed TCP flow into a security group, from another group or a CIDR. */
export interface NetworkFlow {
  /** Snake-case id, part of the rule's Terraform address. */
  readonly id: string;
  readonly description: string;
  /** Security group receiving the traffic. */
  readonly toSecurityGroupId: string;
  readonly port: number;
  readonly fromSecurityGroupId?: string;
  readonly fromCidr?: string;
  /** Policy findings this flow's rule knowingly raises, with the reason. @default - none */
  readonly acknowledgements?: readonly Acknowledgement[];
}

export interface NetworkFlowsProps {
  readonly flows: readonly NetworkFlow[];
}

/** Ingress rules, one resource per flow, so each allowed path reads as one line of the plan. */
export class NetworkFlows extends Construct {
  constructor(scope: Construct, id: string, props: NetworkFlowsProps) {
    super(scope, id);
    for (const flow of props.flows) {
      if ((flow.fromSecurityGroupId === undefined) === (flow.fromCidr === undefined)) {
        throw new PropsError({
          subject: `NetworkFlows ${flow.id}`,
          field: 'fromSecurityGroupId',
          value: flow.fromSecurityGroupId,
          problem: `and fromCidr = ${flow.fromCidr === undefined ? '(missing)' : JSON.stringify(flow.fromCidr)}: give exactly one of them`,
          fix: 'name the source security group, or the CIDR for clients outside this stack',
        });
      }
      if (flow.fromCidr === '0.0.0.0/0') {
        throw new PropsError({ subject: `NetworkFlows ${flow.id}`, field: 'fromCidr', value: flow.fromCidr, problem: 'opens the port to the internet', fix: 'use the VPC CIDR or a security group' });
      }
      const rule = new VpcSecurityGroupIngressRule(this, flow.id, {
        securityGroupId: flow.toSecurityGroupId,
        description: flow.description,
        ipProtocol: 'tcp',
        fromPort: flow.port,
        toPort: flow.port,
        ...(flow.fromSecurityGroupId ? { referencedSecurityGroupId: flow.fromSecurityGroupId } : { cidrIpv4: flow.fromCidr }),
      });
      for (const acknowledgement of flow.acknowledgements ?? []) acknowledge(rule, acknowledgement);
    }
  }
}
