import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import type { Names } from '../../core/naming';
import { assumeRolePolicy, policyDocument } from '../iam/policies';

/** A subnet and the letter of its availability zone (`a` for eu-west-1a). */
export interface ZonalSubnet {
  readonly zoneSuffix: string;
  readonly id: string;
}

export interface NetworkProps {
  /** Physical names of the environment. */
  readonly names: Names;
  readonly region: string;
  /** VPC range (validated by the environment schema). */
  readonly cidr: string;
  /** Zones in order; subnet ids end in the zone letter (`private_a`). */
  readonly availabilityZones: readonly string[];
  readonly publicSubnetCidrs: readonly string[];
  readonly privateSubnetCidrs: readonly string[];
  /** NAT gateways, placed in the first zones; private route tables share them round-robin. */
  readonly natGateways: number;
  readonly flowLogRetentionInDays: number;
}

/** VPC over several zones: public/private subnets, IGW, NAT, S3 gateway endpoint, flow logs, closed default SG. */
export class Network extends Construct {
  readonly vpc: Vpc;
  readonly publicSubnets: Subnet[];
  readonly privateSubnets: Subnet[];
  private readonly zoneSuffixes: string[];

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const { names } = props;
    const zoneSuffix = (az: string) => az.slice(-1);
    this.zoneSuffixes = props.availabilityZones.map(zoneSuffix);

    this.vpc = new Vpc(this, 'this', {
      cidrBlock: props.cidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: names.of('vpc') },
    });
    // Adopting the default security group with no rules closes it: nothing can use it by accident.
    new DefaultSecurityGroup(this, 'default_security_group', {
      vpcId: this.vpc.id,
      tags: { Name: names.of('default-closed') },
    });
    const internetGateway = new InternetGateway(this, 'internet_gateway', {
      vpcId: this.vpc.id,
      tags: { Name: names.of('igw') },
    });

    const subnets = (tier: 'public' | 'private', cidrs: readonly string[]) =>
      props.availabilityZones.map(
        (az, i) =>
          new Subnet(this, `${tier}_${zoneSuffix(az)}`, {
            vpcId: this.vpc.id,
            availabilityZone: az,
            cidrBlock: cidrs[i],
            mapPublicIpOnLaunch: false,
            tags: { Name: names.of(`${tier}-${zoneSuffix(az)}`), Tier: tier },
          }),
      );
    this.publicSubnets = subnets('public', props.publicSubnetCidrs);
    this.privateSubnets = subnets('private', props.privateSubnetCidrs);

    const publicRoutes = new RouteTable(this, 'public', { vpcId: this.vpc.id, tags: { Name: names.of('public') } });
    new Route(this, 'public_internet', {
      routeTableId: publicRoutes.id,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: internetGateway.id,
    });
    this.publicSubnets.forEach((subnet, i) => {
      new RouteTableAssociation(this, `public_${zoneSuffix(props.availabilityZones[i])}_routes`, {
        subnetId: subnet.id,
        routeTableId: publicRoutes.id,
      });
    });

    const natGateways = props.availabilityZones.slice(0, props.natGateways).map((az, i) => {
      const suffix = zoneSuffix(az);
      const address = new Eip(this, `nat_${suffix}`, { domain: 'vpc', tags: { Name: names.of(`nat-${suffix}`) } });
      return new NatGateway(this, `nat_${suffix}_gateway`, {
        allocationId: address.id,
        subnetId: this.publicSubnets[i].id,
        tags: { Name: names.of(`nat-${suffix}`) },
        dependsOn: [internetGateway],
      });
    });

    const privateRoutes = props.availabilityZones.map((az, i) => {
      const suffix = zoneSuffix(az);
      const table = new RouteTable(this, `private_${suffix}_table`, {
        vpcId: this.vpc.id,
        tags: { Name: names.of(`private-${suffix}`) },
      });
      new Route(this, `private_${suffix}_nat`, {
        routeTableId: table.id,
        destinationCidrBlock: '0.0.0.0/0',
        natGatewayId: natGateways[i % natGateways.length].id,
      });
      new RouteTableAssociation(this, `private_${suffix}_routes`, {
        subnetId: this.privateSubnets[i].id,
        routeTableId: table.id,
      });
      return table;
    });

    new VpcEndpoint(this, 's3_endpoint', {
      vpcId: this.vpc.id,
      serviceName: `com.amazonaws.${props.region}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds: [publicRoutes.id, ...privateRoutes.map((t) => t.id)],
      tags: { Name: names.of('s3-endpoint') },
    });

    this.addFlowLogs(names, props.flowLogRetentionInDays);
  }

  /** Private subnets with their zone letters, for one-per-zone resources such as mount targets. */
  get privateZonalSubnets(): ZonalSubnet[] {
    return this.privateSubnets.map((s, i) => ({ zoneSuffix: this.zoneSuffixes[i], id: s.id }));
  }

  get publicSubnetIds(): string[] {
    return this.publicSubnets.map((s) => s.id);
  }

  get privateSubnetIds(): string[] {
    return this.privateSubnets.map((s) => s.id);
  }

  private addFlowLogs(names: Names, retentionInDays: number): void {
    const logGroup = new CloudwatchLogGroup(this, 'flow_logs', {
      name: `/vpc/${names.of('flow-logs')}`,
      retentionInDays,
    });
    const role = new IamRole(this, 'flow_logs_role', {
      name: names.of('vpc-flow-logs', 'iamRole'),
      assumeRolePolicy: assumeRolePolicy('vpc-flow-logs.amazonaws.com'),
    });
    new IamRolePolicy(this, 'flow_logs_policy', {
      role: role.id,
      name: 'write-flow-logs',
      policy: policyDocument([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          Resource: `${logGroup.arn}:*`,
        },
      ]),
    });
    new FlowLog(this, 'flow_log', {
      vpcId: this.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: logGroup.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
    });
  }
}
