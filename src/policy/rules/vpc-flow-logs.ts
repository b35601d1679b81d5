import { COMPLIANT, nonCompliant, type ResourceRule } from '../types';

export const vpcFlowLogs: ResourceRule = {
  kind: 'resource',
  id: 'vpc-flow-logs',
  property: 'Every VPC records its traffic with flow logs.',
  publicIds: ['CKV2_AWS_11', 'AVD-AWS-0178', 'EC2.6'],
  fix: 'add an aws_flow_log with vpc_id = <this VPC>.id and traffic_type = "ALL"',
  resourceTypes: ['aws_vpc'],
  check: (vpc, { stack }) => (stack.referrers(vpc, 'aws_flow_log', 'vpc_id').length > 0 ? COMPLIANT : nonCompliant('no aws_flow_log in the stack refers to this VPC')),
};
