/**
 * The failing and passing shapes each claimed public id documents, as Terraform JSON fixtures of
 * our own, one row each: the rule must fail every failing shape and pass every passing one, on
 * every resource type the rule reads. Rows marked `beyond` are shapes where the rule is stricter
 * than an id on purpose (the rule's `stricterThan` lists that id). Unevaluable values (`var.x`,
 * `each.value`) fail closed in every rule that reads them.
 */
import { RULES } from '../../src/policy/pack';
import type { Tier } from '../../src/policy/types';
import { doc, FORCE_SSL_GROUP, GOOD_CONTAINER, GOOD_DB, GOOD_MSK, run, secureBucket, stack, task } from './fixtures';

type A = Record<string, unknown>;
type R = [string, string, A];
interface Shape {
  readonly rule: string;
  readonly shape: string;
  readonly resources: R[];
  /** 'pass', or what the finding must say. */
  readonly expect: 'pass' | RegExp;
  readonly tier?: Tier;
  /** Data sources and other top-level sections. */
  readonly extra?: A;
}

const VAR = '${var.x}';
const EACH = '${each.value}';
const UNKNOWN = /cannot be checked at synth/;
const lb = (a: A = {}): R => ['aws_lb', 'lb', { internal: true, drop_invalid_header_fields: true, enable_deletion_protection: true, access_logs: { bucket: 'logs', enabled: true }, ...a }];
const listener = (a: A): R => ['aws_lb_listener', 'l', { load_balancer_arn: '${aws_lb.lb.arn}', ...a }];
const lt = (a: A): R => ['aws_launch_template', 'lt', a];
const lc = (a: A): R => ['aws_launch_configuration', 'lc', { image_id: 'ami-1', instance_type: 't3.micro', ...a }];
const ec2 = (a: A): R => ['aws_instance', 'i', { ami: 'ami-1', instance_type: 't3.micro', ...a }];
const sg = (ingress: A[]): R => ['aws_security_group', 'sg', { description: 'app', ingress }];
const sgRule = (a: A): R => ['aws_security_group_rule', 'r', { type: 'ingress', security_group_id: 'sg-1', description: 'x', ...a }];
const vpcRule = (a: A): R => ['aws_vpc_security_group_ingress_rule', 'r', { security_group_id: 'sg-1', description: 'x', ...a }];
const tcp = (port: number, cidr: string): A => ({ description: 'x', from_port: port, to_port: port, protocol: 'tcp', cidr_blocks: [cidr] });
const vpc: R = ['aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }];
const dsg = (a: A = {}): R => ['aws_default_security_group', 'd', { vpc_id: '${aws_vpc.main.id}', ...a }];
const db = (a: A): R[] => [['aws_db_instance', 'db', { ...GOOD_DB, engine: 'postgres', ...a }], FORCE_SSL_GROUP];
const clusterInstance = (a: A): R => ['aws_rds_cluster_instance', 'ci', { cluster_identifier: 'c', instance_class: 'db.r6g.large', engine: 'aurora-postgresql', ...a }];
const msk = (a: A): R => ['aws_msk_cluster', 'k', { ...GOOD_MSK, ...a }];
const policy = (type: string, statement: A): R => [type, 'p', { policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) }];
const pab = (a: A): R => [
  'aws_s3_bucket_public_access_block',
  'pab',
  { bucket: 'b', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true, ...a },
];
const ap = (a: A): R => ['aws_efs_access_point', 'ap', { file_system_id: 'fs-1', root_directory: { path: '/app' }, posix_user: { uid: 1000, gid: 1000 }, ...a }];

const SHAPES: Shape[] = [
  // ALB / NLB
  { rule: 'alb-drop-invalid-headers', shape: 'ALB dropping invalid headers', resources: [lb()], expect: 'pass' },
  { rule: 'alb-drop-invalid-headers', shape: 'ALB (default type) without it', resources: [lb({ drop_invalid_header_fields: undefined })], expect: /not set/ },
  { rule: 'alb-drop-invalid-headers', shape: 'aws_alb with false', resources: [['aws_alb', 'a', { drop_invalid_header_fields: false }]], expect: /is false/ },
  { rule: 'alb-drop-invalid-headers', shape: 'NLB is out of scope', resources: [lb({ load_balancer_type: 'network', drop_invalid_header_fields: undefined })], expect: 'pass' },
  { rule: 'alb-drop-invalid-headers', shape: 'value from a variable', resources: [lb({ drop_invalid_header_fields: VAR })], expect: UNKNOWN },
  { rule: 'alb-access-logs', shape: 'ALB logging to a bucket', resources: [lb()], expect: 'pass' },
  { rule: 'alb-access-logs', shape: 'ALB without access_logs', resources: [lb({ access_logs: undefined })], expect: /enabled is not set/ },
  { rule: 'alb-access-logs', shape: 'NLB with logging disabled', resources: [lb({ load_balancer_type: 'network', access_logs: { bucket: 'logs', enabled: false } })], expect: /enabled is false/ },
  { rule: 'alb-access-logs', shape: 'NLB logging', resources: [lb({ load_balancer_type: 'network' })], expect: 'pass' },
  { rule: 'alb-access-logs', shape: 'gateway LB has no access logs', resources: [lb({ load_balancer_type: 'gateway', access_logs: undefined })], expect: 'pass' },
  { rule: 'alb-access-logs', shape: 'aws_alb without logs', resources: [['aws_alb', 'a', {}]], expect: /not set/ },
  { rule: 'alb-access-logs', shape: 'enabled from a variable', resources: [lb({ access_logs: { bucket: 'logs', enabled: VAR } })], expect: UNKNOWN },
  { rule: 'alb-deletion-protection', shape: 'on', resources: [lb()], expect: 'pass' },
  { rule: 'alb-deletion-protection', shape: 'NLB off in production', resources: [lb({ load_balancer_type: 'network', enable_deletion_protection: false })], expect: /is false/ },
  { rule: 'alb-deletion-protection', shape: 'aws_alb unset', resources: [['aws_alb', 'a', {}]], expect: /not set/ },
  { rule: 'alb-internal', shape: 'internal', resources: [lb()], expect: 'pass' },
  { rule: 'alb-internal', shape: 'internet-facing', resources: [lb({ internal: false })], expect: /internal is false/ },
  { rule: 'alb-internal', shape: 'aws_alb default scheme', resources: [['aws_alb', 'a', {}]], expect: /internal is not set/ },
  { rule: 'alb-internal', shape: 'gateway LB', resources: [lb({ load_balancer_type: 'gateway', internal: undefined })], expect: 'pass' },
  {
    rule: 'alb-http-redirects-to-https',
    shape: 'HTTP redirecting to HTTPS',
    resources: [listener({ protocol: 'HTTP', default_action: { type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' } } })],
    expect: 'pass',
  },
  { rule: 'alb-http-redirects-to-https', shape: 'HTTP forwarding', resources: [listener({ protocol: 'HTTP', default_action: { type: 'forward', target_group_arn: 'tg' } })], expect: /forward/ },
  {
    rule: 'alb-http-redirects-to-https',
    shape: 'no protocol (HTTP) with a certificate',
    resources: [['aws_alb_listener', 'l', { certificate_arn: 'arn:cert', default_action: { type: 'forward' } }]],
    expect: /forward/,
  },
  { rule: 'alb-http-redirects-to-https', shape: 'HTTPS / TCP listeners are out of scope', resources: [listener({ protocol: 'HTTPS' }), ['aws_lb_listener', 't', { protocol: 'TCP' }]], expect: 'pass' },
  { rule: 'alb-http-redirects-to-https', shape: 'protocol from a variable', resources: [listener({ protocol: VAR })], expect: UNKNOWN },
  { rule: 'alb-tls-policy', shape: 'TLS13-1-2-2021-06', resources: [listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' })], expect: 'pass' },
  {
    rule: 'alb-tls-policy',
    shape: 'TLS13-1-2-Ext2 (TLS 1.2+, accepted by the rule text)',
    resources: [listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06' })],
    expect: 'pass',
  },
  { rule: 'alb-tls-policy', shape: 'NLB TLS listener with TLS13-1-3', resources: [['aws_lb_listener', 'n', { protocol: 'TLS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' }]], expect: 'pass' },
  { rule: 'alb-tls-policy', shape: '2016-08 (TLS 1.0)', resources: [listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-2016-08' })], expect: /2016-08/ },
  { rule: 'alb-tls-policy', shape: 'NLB TLS listener with TLS-1-1', resources: [['aws_alb_listener', 'n', { protocol: 'TLS', ssl_policy: 'ELBSecurityPolicy-TLS-1-1-2017-01' }]], expect: /TLS-1-1/ },
  {
    rule: 'alb-tls-policy',
    shape: 'beyond CKV_AWS_103: TLS-1-2-2017-01 (no forward secrecy)',
    resources: [listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS-1-2-2017-01' })],
    expect: /TLS13/,
  },
  { rule: 'alb-tls-policy', shape: 'policy from a variable', resources: [listener({ protocol: 'HTTPS', ssl_policy: VAR })], expect: UNKNOWN },
  // EC2
  { rule: 'ec2-imdsv2-required', shape: 'template requiring tokens', resources: [lt({ metadata_options: { http_tokens: 'required' } })], expect: 'pass' },
  { rule: 'ec2-imdsv2-required', shape: 'template with optional tokens', resources: [lt({ metadata_options: { http_tokens: 'optional' } })], expect: /optional/ },
  { rule: 'ec2-imdsv2-required', shape: 'instance without metadata_options', resources: [ec2({})], expect: /not set/ },
  { rule: 'ec2-imdsv2-required', shape: 'instance requiring tokens', resources: [ec2({ metadata_options: { http_tokens: 'required' } })], expect: 'pass' },
  { rule: 'ec2-imdsv2-required', shape: 'launch configuration with optional tokens', resources: [lc({ metadata_options: { http_tokens: 'optional' } })], expect: /optional/ },
  { rule: 'ec2-imdsv2-required', shape: 'launch configuration requiring tokens', resources: [lc({ metadata_options: { http_tokens: 'required' } })], expect: 'pass' },
  { rule: 'ec2-imdsv2-required', shape: 'metadata endpoint disabled', resources: [ec2({ metadata_options: { http_endpoint: 'disabled' } })], expect: 'pass' },
  { rule: 'ec2-imdsv2-required', shape: 'tokens from a variable', resources: [lt({ metadata_options: { http_tokens: VAR } })], expect: UNKNOWN },
  { rule: 'ec2-imds-hop-limit', shape: 'template with hop limit 1', resources: [lt({ metadata_options: { http_put_response_hop_limit: 1 } })], expect: 'pass' },
  { rule: 'ec2-imds-hop-limit', shape: 'template with hop limit 2', resources: [lt({ metadata_options: { http_put_response_hop_limit: 2 } })], expect: /is 2/ },
  { rule: 'ec2-imds-hop-limit', shape: 'launch configuration with hop limit 3', resources: [lc({ metadata_options: { http_put_response_hop_limit: 3 } })], expect: /is 3/ },
  { rule: 'ec2-imds-hop-limit', shape: 'launch configuration with hop limit 1', resources: [lc({ metadata_options: { http_put_response_hop_limit: 1 } })], expect: 'pass' },
  { rule: 'ec2-imds-hop-limit', shape: 'beyond CKV_AWS_341: unset (AMI default may be 2)', resources: [lt({})], expect: /not set/ },
  { rule: 'ec2-imds-hop-limit', shape: 'metadata endpoint disabled', resources: [lt({ metadata_options: { http_endpoint: 'disabled' } })], expect: 'pass' },
  { rule: 'ec2-imds-hop-limit', shape: 'hop limit from each.value', resources: [lt({ metadata_options: { http_put_response_hop_limit: EACH } })], expect: UNKNOWN },
  {
    rule: 'ec2-ebs-encrypted',
    shape: 'instance with encrypted root and data volume',
    resources: [ec2({ root_block_device: { encrypted: true }, ebs_block_device: [{ device_name: '/dev/sdb', encrypted: true }] })],
    expect: 'pass',
  },
  { rule: 'ec2-ebs-encrypted', shape: 'instance without root_block_device', resources: [ec2({})], expect: /root_block_device is not set/ },
  { rule: 'ec2-ebs-encrypted', shape: 'instance with an unencrypted root', resources: [ec2({ root_block_device: { encrypted: false } })], expect: /false on root_block_device/ },
  {
    rule: 'ec2-ebs-encrypted',
    shape: 'instance with an unencrypted data volume',
    resources: [ec2({ root_block_device: { encrypted: true }, ebs_block_device: [{ device_name: '/dev/sdb' }] })],
    expect: /not set on ebs_block_device "\/dev\/sdb"/,
  },
  { rule: 'ec2-ebs-encrypted', shape: 'launch configuration encrypted', resources: [lc({ root_block_device: { encrypted: true } })], expect: 'pass' },
  { rule: 'ec2-ebs-encrypted', shape: 'launch configuration unencrypted', resources: [lc({ root_block_device: { encrypted: false } })], expect: /false on root_block_device/ },
  {
    rule: 'ec2-ebs-encrypted',
    shape: 'beyond CKV_AWS_8: volume from a snapshot without encrypted',
    resources: [lc({ root_block_device: { encrypted: true }, ebs_block_device: [{ device_name: '/dev/sdb', snapshot_id: 'snap-1' }] })],
    expect: /not set/,
  },
  { rule: 'ec2-ebs-encrypted', shape: 'launch template encrypted', resources: [lt({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: { encrypted: 'true' } }] })], expect: 'pass' },
  { rule: 'ec2-ebs-encrypted', shape: 'encrypted from a variable', resources: [ec2({ root_block_device: { encrypted: VAR } })], expect: UNKNOWN },
  { rule: 'ec2-no-public-ip', shape: 'instance with a public IP', resources: [ec2({ associate_public_ip_address: true })], expect: /true/ },
  { rule: 'ec2-no-public-ip', shape: 'instance without', resources: [ec2({ associate_public_ip_address: false })], expect: 'pass' },
  { rule: 'ec2-no-public-ip', shape: 'template interface with a public IP', resources: [lt({ network_interfaces: [{ associate_public_ip_address: 'true' }] })], expect: /true/ },
  { rule: 'ec2-no-public-ip', shape: 'template without', resources: [lt({ network_interfaces: [{ associate_public_ip_address: false }] })], expect: 'pass' },
  { rule: 'ec2-no-public-ip', shape: 'launch configuration with a public IP', resources: [lc({ associate_public_ip_address: true })], expect: /true/ },
  { rule: 'ec2-no-public-ip', shape: 'launch configuration without', resources: [lc({})], expect: 'pass' },
  { rule: 'ec2-no-public-ip', shape: 'public IP from a variable', resources: [ec2({ associate_public_ip_address: VAR })], expect: UNKNOWN },
  // Security groups
  { rule: 'sg-no-public-ingress', shape: 'SSH from 0.0.0.0/0 (CKV_AWS_24)', resources: [sg([tcp(22, '0.0.0.0/0')])], expect: /port 22/ },
  {
    rule: 'sg-no-public-ingress',
    shape: 'RDP from ::/0 as a rule (CKV_AWS_25)',
    resources: [sgRule({ from_port: 3389, to_port: 3389, protocol: 'tcp', ipv6_cidr_blocks: ['::/0'] })],
    expect: /port 3389/,
  },
  { rule: 'sg-no-public-ingress', shape: 'all ports as a VPC ingress rule (CKV_AWS_277)', resources: [vpcRule({ ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' })], expect: /all ports/ },
  {
    rule: 'sg-no-public-ingress',
    shape: 'SSH from an office range',
    resources: [sg([tcp(22, '203.0.113.0/24')]), sgRule({ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] })],
    expect: 'pass',
  },
  {
    rule: 'sg-no-public-ingress',
    shape: 'egress rule resource is out of scope',
    resources: [sgRule({ type: 'egress', from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] })],
    expect: 'pass',
  },
  { rule: 'sg-no-public-ingress', shape: 'beyond the per-port ids: Postgres from 0.0.0.0/0', resources: [sg([tcp(5432, '0.0.0.0/0')])], expect: /port 5432/ },
  { rule: 'sg-no-public-ingress', shape: 'CIDR from a variable', resources: [sgRule({ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: VAR })], expect: UNKNOWN },
  {
    rule: 'sg-no-public-ingress',
    shape: 'dynamic ingress blocks',
    resources: [['aws_security_group', 'sg', { description: 'x', dynamic: { ingress: [{ for_each: VAR, content: [{}] }] } }]],
    expect: UNKNOWN,
  },
  { rule: 'sg-public-web-ingress', shape: 'HTTP from 0.0.0.0/0 (CKV_AWS_260)', resources: [sg([tcp(80, '0.0.0.0/0')])], expect: /port 80/ },
  { rule: 'sg-public-web-ingress', shape: 'HTTP as a VPC ingress rule', resources: [vpcRule({ ip_protocol: 'tcp', from_port: 80, to_port: 80, cidr_ipv4: '0.0.0.0/0' })], expect: /port 80/ },
  { rule: 'sg-public-web-ingress', shape: 'HTTP from the VPC', resources: [sgRule({ from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['10.0.0.0/16'] })], expect: 'pass' },
  { rule: 'sg-public-web-ingress', shape: 'beyond CKV_AWS_260: 443 from 0.0.0.0/0', resources: [sg([tcp(443, '0.0.0.0/0')])], expect: /port 443/ },
  { rule: 'sg-public-web-ingress', shape: 'web port from a variable range', resources: [vpcRule({ ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: VAR })], expect: UNKNOWN },
  {
    rule: 'sg-descriptions',
    shape: 'group and rules described',
    resources: [sg([tcp(443, '10.0.0.0/16')]), sgRule({ from_port: 1, to_port: 1, protocol: 'tcp', cidr_blocks: ['10.0.0.0/16'] })],
    expect: 'pass',
  },
  {
    rule: 'sg-descriptions',
    shape: 'inline egress without description',
    resources: [['aws_security_group', 'sg', { description: 'x', egress: [{ from_port: 0, to_port: 0, protocol: '-1' }] }]],
    expect: /egress/,
  },
  { rule: 'sg-descriptions', shape: 'rule resource without description', resources: [sgRule({ description: undefined })], expect: /no description/ },
  {
    rule: 'sg-descriptions',
    shape: 'VPC egress rule without description',
    resources: [['aws_vpc_security_group_egress_rule', 'e', { security_group_id: 'sg-1', ip_protocol: '-1' }]],
    expect: /no description/,
  },
  { rule: 'sg-descriptions', shape: 'VPC ingress rule described', resources: [vpcRule({ ip_protocol: 'tcp', from_port: 1, to_port: 1, cidr_ipv4: '10.0.0.0/8' })], expect: 'pass' },
  { rule: 'sg-descriptions', shape: 'legacy DB security group without description', resources: [['aws_db_security_group', 'd', { name: 'd' }]], expect: /no description/ },
  {
    rule: 'sg-descriptions',
    shape: 'legacy ElastiCache/Redshift groups described',
    resources: [
      ['aws_elasticache_security_group', 'e', { description: 'cache' }],
      ['aws_redshift_security_group', 'r', { description: 'warehouse' }],
    ],
    expect: 'pass',
  },
  // VPC
  { rule: 'vpc-flow-logs', shape: 'VPC with a flow log', resources: [vpc, ['aws_flow_log', 'f', { vpc_id: '${aws_vpc.main.id}', traffic_type: 'ALL' }]], expect: 'pass' },
  { rule: 'vpc-flow-logs', shape: 'VPC without', resources: [vpc], expect: /no aws_flow_log/ },
  { rule: 'vpc-flow-logs', shape: 'flow log on another VPC', resources: [vpc, ['aws_vpc', 'other', {}], ['aws_flow_log', 'f', { vpc_id: '${aws_vpc.other.id}' }]], expect: /no aws_flow_log/ },
  { rule: 'vpc-default-sg-closed', shape: 'default group with no rules', resources: [vpc, dsg()], expect: 'pass' },
  { rule: 'vpc-default-sg-closed', shape: 'default group not managed', resources: [vpc], expect: /not managed/ },
  {
    rule: 'vpc-default-sg-closed',
    shape: 'default group with inline egress',
    resources: [vpc, dsg({ egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }] })],
    expect: /still has/,
  },
  {
    rule: 'vpc-default-sg-closed',
    shape: 'default group opened by a separate rule',
    resources: [vpc, dsg(), sgRule({ security_group_id: '${aws_default_security_group.d.id}', from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] })],
    expect: /aws_security_group_rule.r open/,
  },
  {
    rule: 'vpc-default-sg-closed',
    shape: "default group opened through the VPC's default_security_group_id",
    resources: [vpc, dsg(), vpcRule({ security_group_id: '${aws_vpc.main.default_security_group_id}', ip_protocol: '-1', cidr_ipv4: '10.0.0.0/8' })],
    expect: /aws_vpc_security_group_ingress_rule.r open/,
  },
  { rule: 'vpc-default-sg-closed', shape: 'default group rules from a variable', resources: [vpc, dsg({ ingress: VAR })], expect: UNKNOWN },
  { rule: 'subnet-no-auto-public-ip', shape: 'auto-assigning subnet', resources: [['aws_subnet', 's', { map_public_ip_on_launch: true }]], expect: /true/ },
  { rule: 'subnet-no-auto-public-ip', shape: 'default (off)', resources: [['aws_subnet', 's', {}]], expect: 'pass' },
  { rule: 'subnet-no-auto-public-ip', shape: 'from a variable', resources: [['aws_subnet', 's', { map_public_ip_on_launch: VAR }]], expect: UNKNOWN },
  // ECS
  { rule: 'ecs-task-not-privileged', shape: 'unprivileged', resources: [task([GOOD_CONTAINER])], expect: 'pass' },
  { rule: 'ecs-task-not-privileged', shape: 'privileged sidecar', resources: [task([GOOD_CONTAINER, { ...GOOD_CONTAINER, name: 'side', privileged: true }])], expect: /"side": privileged/ },
  {
    rule: 'ecs-task-not-privileged',
    shape: 'privileged from a variable (jsonencode, one attribute per line)',
    resources: [task([], { container_definitions: '${jsonencode([{\n  name = "api"\n  image = "api:1"\n  memory = 512\n  privileged = var.privileged\n}])}' })],
    expect: UNKNOWN,
  },
  { rule: 'ecs-task-readonly-root', shape: 'read-only root', resources: [task([GOOD_CONTAINER])], expect: 'pass' },
  { rule: 'ecs-task-readonly-root', shape: 'unset', resources: [task([{ name: 'api', image: 'x' }])], expect: /not set/ },
  {
    rule: 'ecs-task-readonly-root',
    shape: 'unreadable definitions: short message',
    resources: [task([], { container_definitions: '${file("containers.json")}' })],
    expect: /^container_definitions ".{0,90} cannot be read at synth$/,
  },
  { rule: 'ecs-task-no-secret-env', shape: 'secret-named variable', resources: [task([{ ...GOOD_CONTAINER, environment: [{ name: 'API_TOKEN', value: 'abc' }] }])], expect: /API_TOKEN/ },
  {
    rule: 'ecs-task-no-secret-env',
    shape: 'provider key under a harmless name',
    resources: [task([{ ...GOOD_CONTAINER, environment: [{ name: 'CONFIG', value: 'xoxb-1234567890-abcdefghij' }] }])],
    expect: /CONFIG/,
  },
  { rule: 'ecs-task-no-secret-env', shape: 'secrets through valueFrom', resources: [task([GOOD_CONTAINER])], expect: 'pass' },
  { rule: 'ecs-task-awsvpc', shape: 'host networking', resources: [task([GOOD_CONTAINER], { network_mode: 'host' })], expect: /host/ },
  { rule: 'ecs-task-awsvpc', shape: 'awsvpc', resources: [task([GOOD_CONTAINER])], expect: 'pass' },
  { rule: 'ecs-task-logging', shape: 'no log configuration', resources: [task([{ name: 'api', image: 'x', readonlyRootFilesystem: true }])], expect: /logDriver/ },
  { rule: 'ecs-task-logging', shape: 'awslogs', resources: [task([GOOD_CONTAINER])], expect: 'pass' },
  {
    rule: 'ecs-task-efs-transit-encryption',
    shape: 'EFS volume with transit encryption',
    resources: [task([GOOD_CONTAINER], { volume: [{ name: 'd', efs_volume_configuration: { file_system_id: 'fs', transit_encryption: 'ENABLED' } }] })],
    expect: 'pass',
  },
  {
    rule: 'ecs-task-efs-transit-encryption',
    shape: 'EFS volume with it disabled',
    resources: [task([GOOD_CONTAINER], { volume: [{ name: 'd', efs_volume_configuration: { file_system_id: 'fs', transit_encryption: 'DISABLED' } }] })],
    expect: /DISABLED/,
  },
  { rule: 'ecs-task-efs-transit-encryption', shape: 'no EFS volume', resources: [task([GOOD_CONTAINER], { volume: [{ name: 'tmp' }] })], expect: 'pass' },
  {
    rule: 'ecs-task-efs-transit-encryption',
    shape: 'from a variable',
    resources: [task([GOOD_CONTAINER], { volume: [{ name: 'd', efs_volume_configuration: { file_system_id: 'fs', transit_encryption: VAR } }] })],
    expect: UNKNOWN,
  },
  { rule: 'ecs-cluster-container-insights', shape: 'enhanced', resources: [['aws_ecs_cluster', 'c', { setting: [{ name: 'containerInsights', value: 'enhanced' }] }]], expect: 'pass' },
  { rule: 'ecs-cluster-container-insights', shape: 'disabled', resources: [['aws_ecs_cluster', 'c', { setting: [{ name: 'containerInsights', value: 'disabled' }] }]], expect: /disabled/ },
  { rule: 'ecs-cluster-container-insights', shape: 'from a variable', resources: [['aws_ecs_cluster', 'c', { setting: [{ name: 'containerInsights', value: VAR }] }]], expect: UNKNOWN },
  { rule: 'ecs-service-no-public-ip', shape: 'public IP', resources: [['aws_ecs_service', 's', { network_configuration: { subnets: ['a'], assign_public_ip: true } }]], expect: /true/ },
  { rule: 'ecs-service-no-public-ip', shape: 'default (none)', resources: [['aws_ecs_service', 's', { network_configuration: { subnets: ['a'] } }]], expect: 'pass' },
  { rule: 'ecs-service-no-public-ip', shape: 'from a variable', resources: [['aws_ecs_service', 's', { network_configuration: { subnets: ['a'], assign_public_ip: VAR } }]], expect: UNKNOWN },
  // ECR
  { rule: 'ecr-immutable-tags', shape: 'mutable (the default)', resources: [['aws_ecr_repository', 'r', {}]], expect: /not set/ },
  { rule: 'ecr-immutable-tags', shape: 'immutable', resources: [['aws_ecr_repository', 'r', { image_tag_mutability: 'IMMUTABLE' }]], expect: 'pass' },
  { rule: 'ecr-scan-on-push', shape: 'scan off', resources: [['aws_ecr_repository', 'r', { image_scanning_configuration: { scan_on_push: false } }]], expect: /false/ },
  { rule: 'ecr-scan-on-push', shape: 'scan on', resources: [['aws_ecr_repository', 'r', { image_scanning_configuration: { scan_on_push: true } }]], expect: 'pass' },
  {
    rule: 'ecr-lifecycle-policy',
    shape: 'policy referring with an index',
    resources: [
      ['aws_ecr_repository', 'r', { name: 'r' }],
      ['aws_ecr_lifecycle_policy', 'p', { repository: '${aws_ecr_repository.r[0].name}', policy: '{}' }],
    ],
    expect: 'pass',
  },
  { rule: 'ecr-lifecycle-policy', shape: 'no policy', resources: [['aws_ecr_repository', 'r', { name: 'r' }]], expect: /no aws_ecr_lifecycle_policy/ },
  // RDS
  { rule: 'rds-encrypted', shape: 'unencrypted instance', resources: db({ storage_encrypted: false }), expect: /false/ },
  { rule: 'rds-encrypted', shape: 'encrypted instance', resources: db({}), expect: 'pass' },
  { rule: 'rds-encrypted', shape: 'unencrypted cluster', resources: [['aws_rds_cluster', 'c', {}]], expect: /not set/ },
  { rule: 'rds-not-public', shape: 'public instance', resources: db({ publicly_accessible: true }), expect: /true/ },
  { rule: 'rds-not-public', shape: 'public Aurora cluster instance', resources: [clusterInstance({ publicly_accessible: true })], expect: /true/ },
  { rule: 'rds-not-public', shape: 'private Aurora cluster instance', resources: [clusterInstance({})], expect: 'pass' },
  { rule: 'rds-not-public', shape: 'from a variable', resources: [clusterInstance({ publicly_accessible: VAR })], expect: UNKNOWN },
  { rule: 'rds-backup-retention', shape: 'beyond CKV_AWS_133: 1 day', resources: db({ backup_retention_period: 1 }), expect: /wants >= 7/ },
  { rule: 'rds-backup-retention', shape: '0 (backups off)', resources: [['aws_rds_cluster', 'c', { backup_retention_period: 0 }]], expect: /is 0/ },
  { rule: 'rds-backup-retention', shape: '35 days', resources: db({ backup_retention_period: 35 }), expect: 'pass' },
  { rule: 'rds-deletion-protection', shape: 'off in production', resources: db({ deletion_protection: false }), expect: /false/ },
  { rule: 'rds-deletion-protection', shape: 'on', resources: db({}), expect: 'pass' },
  { rule: 'rds-iam-auth', shape: 'PostgreSQL without IAM auth', resources: db({ iam_database_authentication_enabled: false }), expect: /false/ },
  { rule: 'rds-iam-auth', shape: 'MySQL with IAM auth', resources: db({ engine: 'mysql', parameter_group_name: undefined }), expect: 'pass' },
  { rule: 'rds-iam-auth', shape: 'Oracle has no IAM auth', resources: db({ engine: 'oracle-ee', iam_database_authentication_enabled: undefined }), expect: 'pass' },
  { rule: 'rds-iam-auth', shape: 'engine from a variable', resources: db({ engine: VAR }), expect: UNKNOWN },
  { rule: 'rds-multi-az', shape: 'single-AZ in production', resources: db({ multi_az: false }), expect: /false/ },
  { rule: 'rds-multi-az', shape: 'multi-AZ', resources: db({}), expect: 'pass' },
  { rule: 'rds-auto-minor-upgrade', shape: 'off on an instance', resources: db({ auto_minor_version_upgrade: false }), expect: /false/ },
  { rule: 'rds-auto-minor-upgrade', shape: 'off on an Aurora cluster instance', resources: [clusterInstance({ auto_minor_version_upgrade: false })], expect: /false/ },
  { rule: 'rds-auto-minor-upgrade', shape: 'default (on)', resources: [clusterInstance({})], expect: 'pass' },
  { rule: 'rds-tls-forced', shape: 'PostgreSQL with rds.force_ssl = 1', resources: db({}), expect: 'pass' },
  {
    rule: 'rds-tls-forced',
    shape: 'PostgreSQL with rds.force_ssl = 0',
    resources: [
      ['aws_db_instance', 'db', { ...GOOD_DB, engine: 'postgres' }],
      ['aws_db_parameter_group', 'postgres', { family: 'postgres16', parameter: [{ name: 'rds.force_ssl', value: '0' }] }],
    ],
    expect: /rds.force_ssl = 1/,
  },
  {
    rule: 'rds-tls-forced',
    shape: 'MySQL with require_secure_transport = ON',
    resources: [
      ['aws_db_instance', 'db', { ...GOOD_DB, engine: 'mysql' }],
      ['aws_db_parameter_group', 'postgres', { family: 'mysql8.0', parameter: [{ name: 'require_secure_transport', value: 'ON' }] }],
    ],
    expect: 'pass',
  },
  {
    rule: 'rds-tls-forced',
    shape: 'MariaDB without require_secure_transport',
    resources: [
      ['aws_db_instance', 'db', { ...GOOD_DB, engine: 'mariadb' }],
      ['aws_db_parameter_group', 'postgres', { family: 'mariadb10.11', parameter: [{ name: 'rds.force_ssl', value: '1' }] }],
    ],
    expect: /require_secure_transport = 1/,
  },
  { rule: 'rds-tls-forced', shape: 'beyond CKV2_AWS_69: no parameter group', resources: db({ parameter_group_name: undefined }), expect: /engine default/ },
  {
    rule: 'rds-tls-forced',
    shape: 'parameter group referenced with an index',
    resources: [['aws_db_instance', 'db', { ...GOOD_DB, engine: 'postgres', parameter_group_name: '${aws_db_parameter_group.postgres[0].name}' }], FORCE_SSL_GROUP],
    expect: 'pass',
  },
  // MSK
  { rule: 'msk-tls-in-transit', shape: 'TLS (and the defaults)', resources: [msk({})], expect: 'pass' },
  { rule: 'msk-tls-in-transit', shape: 'plaintext client-broker', resources: [msk({ encryption_info: { encryption_in_transit: { client_broker: 'PLAINTEXT' } } })], expect: /PLAINTEXT/ },
  { rule: 'msk-tls-in-transit', shape: 'no in-cluster encryption', resources: [msk({ encryption_info: { encryption_in_transit: { in_cluster: false } } })], expect: /in_cluster is false/ },
  { rule: 'msk-tls-in-transit', shape: 'from a variable', resources: [msk({ encryption_info: { encryption_in_transit: { client_broker: VAR } } })], expect: UNKNOWN },
  { rule: 'msk-encrypted-at-rest', shape: 'customer-managed key', resources: [msk({})], expect: 'pass' },
  { rule: 'msk-encrypted-at-rest', shape: 'no encryption_info', resources: [msk({ encryption_info: undefined })], expect: /not set/ },
  { rule: 'msk-broker-logs', shape: 'S3 logging', resources: [msk({ logging_info: { broker_logs: { s3: { enabled: true, bucket: 'b' } } } })], expect: 'pass' },
  { rule: 'msk-broker-logs', shape: 'all sinks off', resources: [msk({ logging_info: { broker_logs: { cloudwatch_logs: { enabled: false } } } })], expect: /no destination/ },
  { rule: 'msk-broker-logs', shape: 'from a variable', resources: [msk({ logging_info: { broker_logs: { firehose: { enabled: VAR } } } })], expect: UNKNOWN },
  { rule: 'msk-iam-auth', shape: 'IAM, no unauthenticated', resources: [msk({})], expect: 'pass' },
  { rule: 'msk-iam-auth', shape: 'unauthenticated from a variable', resources: [msk({ client_authentication: { sasl: { iam: true }, unauthenticated: VAR } })], expect: UNKNOWN },
  {
    rule: 'msk-not-public',
    shape: 'public brokers',
    resources: [msk({ broker_node_group_info: { connectivity_info: { public_access: { type: 'SERVICE_PROVIDED_EIPS' } } } })],
    expect: /SERVICE_PROVIDED_EIPS/,
  },
  { rule: 'msk-not-public', shape: 'private brokers', resources: [msk({ broker_node_group_info: { client_subnets: ['a'] } })], expect: 'pass' },
  // S3
  { rule: 's3-public-access-block', shape: 'all four flags', resources: secureBucket(), expect: 'pass' },
  { rule: 's3-public-access-block', shape: 'block_public_acls off (CKV_AWS_53)', resources: [pab({ block_public_acls: false })], expect: /block_public_acls not true/ },
  { rule: 's3-public-access-block', shape: 'block_public_policy off (CKV_AWS_54)', resources: [pab({ block_public_policy: false })], expect: /block_public_policy not true/ },
  { rule: 's3-public-access-block', shape: 'ignore_public_acls unset (CKV_AWS_55)', resources: [pab({ ignore_public_acls: undefined })], expect: /ignore_public_acls not true/ },
  { rule: 's3-public-access-block', shape: 'restrict_public_buckets off (CKV_AWS_56)', resources: [pab({ restrict_public_buckets: 'false' })], expect: /restrict_public_buckets not true/ },
  {
    rule: 's3-public-access-block',
    shape: 'beyond CKV_AWS_53-56: bucket without a block',
    resources: secureBucket('aws_s3_bucket_public_access_block'),
    expect: /no aws_s3_bucket_public_access_block/,
  },
  { rule: 's3-public-access-block', shape: 'flag from a variable', resources: [pab({ block_public_policy: VAR })], expect: UNKNOWN },
  {
    rule: 's3-public-access-block',
    shape: 'for_each companions (bucket = each.value.id)',
    resources: [['aws_s3_bucket', 'x', { for_each: VAR, bucket: EACH }], pab({ for_each: '${aws_s3_bucket.x}', bucket: '${each.value.id}' })],
    expect: 'pass',
  },
  { rule: 's3-encryption', shape: 'split resource with KMS', resources: secureBucket(), expect: 'pass' },
  {
    rule: 's3-encryption',
    shape: 'legacy inline AES256',
    resources: [['aws_s3_bucket', 'b', { bucket: 'b', server_side_encryption_configuration: { rule: { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } } } }]],
    expect: 'pass',
  },
  { rule: 's3-encryption', shape: 'beyond CKV_AWS_19: nothing declared', resources: [['aws_s3_bucket', 'b', { bucket: 'b' }]], expect: /no server-side encryption/ },
  {
    rule: 's3-versioning',
    shape: 'versioning referenced with an index',
    resources: [
      ['aws_s3_bucket', 'b', { count: 2, bucket: 'b' }],
      ['aws_s3_bucket_versioning', 'v', { count: 2, bucket: '${aws_s3_bucket.b[count.index].id}', versioning_configuration: { status: 'Enabled' } }],
    ],
    expect: 'pass',
  },
  {
    rule: 's3-versioning',
    shape: 'suspended',
    resources: [
      ['aws_s3_bucket', 'b', { bucket: 'b' }],
      ['aws_s3_bucket_versioning', 'v', { bucket: 'b', versioning_configuration: { status: 'Suspended' } }],
    ],
    expect: /no aws_s3_bucket_versioning/,
  },
  {
    rule: 's3-versioning',
    shape: 'status from a variable',
    resources: [
      ['aws_s3_bucket', 'b', { bucket: 'b' }],
      ['aws_s3_bucket_versioning', 'v', { bucket: '${aws_s3_bucket.b.id}', versioning_configuration: { status: VAR } }],
    ],
    expect: UNKNOWN,
  },
  { rule: 's3-tls-only', shape: 'deny without TLS', resources: secureBucket(), expect: 'pass' },
  { rule: 's3-tls-only', shape: 'no policy', resources: secureBucket('aws_s3_bucket_policy'), expect: /no bucket policy/ },
  { rule: 's3-ownership-enforced', shape: 'BucketOwnerEnforced', resources: secureBucket(), expect: 'pass' },
  {
    rule: 's3-ownership-enforced',
    shape: 'ObjectWriter controls (CKV2_AWS_65)',
    resources: [['aws_s3_bucket_ownership_controls', 'o', { bucket: 'b', rule: { object_ownership: 'ObjectWriter' } }]],
    expect: /ObjectWriter/,
  },
  { rule: 's3-ownership-enforced', shape: 'beyond CKV2_AWS_65: bucket without controls', resources: secureBucket('aws_s3_bucket_ownership_controls'), expect: /no aws_s3_bucket_ownership_controls/ },
  // DynamoDB, EFS, logs, SNS
  { rule: 'dynamodb-pitr', shape: 'PITR "true" (string)', resources: [['aws_dynamodb_table', 't', { point_in_time_recovery: { enabled: 'true' } }]], expect: 'pass' },
  { rule: 'dynamodb-pitr', shape: 'no PITR', resources: [['aws_dynamodb_table', 't', {}]], expect: /not set/ },
  { rule: 'dynamodb-deletion-protection', shape: 'off in production', resources: [['aws_dynamodb_table', 't', {}]], expect: /not set/ },
  { rule: 'dynamodb-deletion-protection', shape: 'on', resources: [['aws_dynamodb_table', 't', { deletion_protection_enabled: true }]], expect: 'pass' },
  { rule: 'efs-encrypted', shape: 'unencrypted', resources: [['aws_efs_file_system', 'f', { encrypted: false }]], expect: /false/ },
  { rule: 'efs-encrypted', shape: 'encrypted', resources: [['aws_efs_file_system', 'f', { encrypted: true }]], expect: 'pass' },
  { rule: 'efs-access-point-confined', shape: 'own directory and user', resources: [ap({})], expect: 'pass' },
  { rule: 'efs-access-point-confined', shape: 'root directory "/" (CKV_AWS_329)', resources: [ap({ root_directory: { path: '/' } })], expect: /path is "\/"/ },
  { rule: 'efs-access-point-confined', shape: 'no root directory (CKV_AWS_329)', resources: [ap({ root_directory: undefined })], expect: /path is not set/ },
  { rule: 'efs-access-point-confined', shape: 'no POSIX user (CKV_AWS_330)', resources: [ap({ posix_user: undefined })], expect: /posix_user/ },
  { rule: 'efs-access-point-confined', shape: 'beyond CKV_AWS_330: gid without uid', resources: [ap({ posix_user: { gid: 1000 } })], expect: /posix_user/ },
  { rule: 'efs-access-point-confined', shape: 'path from a variable', resources: [ap({ root_directory: { path: VAR } })], expect: UNKNOWN },
  { rule: 'log-group-retention', shape: '14 days', resources: [['aws_cloudwatch_log_group', 'g', { retention_in_days: 14 }]], expect: 'pass' },
  { rule: 'log-group-retention', shape: 'unset (never expires)', resources: [['aws_cloudwatch_log_group', 'g', {}]], expect: /not set/ },
  { rule: 'log-group-retention', shape: '0 (never expires)', resources: [['aws_cloudwatch_log_group', 'g', { retention_in_days: 0 }]], expect: /is 0/ },
  { rule: 'log-group-retention', shape: 'from a variable', resources: [['aws_cloudwatch_log_group', 'g', { retention_in_days: VAR }]], expect: UNKNOWN },
  { rule: 'sns-encrypted', shape: 'AWS-managed key alias', resources: [['aws_sns_topic', 't', { kms_master_key_id: 'alias/aws/sns' }]], expect: 'pass' },
  { rule: 'sns-encrypted', shape: 'no key', resources: [['aws_sns_topic', 't', {}]], expect: /not set/ },
  // IAM, Cognito
  { rule: 'iam-no-wildcard-admin', shape: '"*" on "*" (CKV_AWS_62)', resources: [policy('aws_iam_policy', { Effect: 'Allow', Action: '*', Resource: '*' })], expect: /every action/ },
  {
    rule: 'iam-no-wildcard-admin',
    shape: '"*" on a specific resource (CKV_AWS_63)',
    resources: [policy('aws_iam_user_policy', { Effect: 'Allow', Action: ['*'], Resource: 'arn:aws:s3:::b' })],
    expect: /every action/,
  },
  { rule: 'iam-no-wildcard-admin', shape: 'statement without Effect (Allow)', resources: [policy('aws_iam_group_policy', { Action: '*', Resource: '*' })], expect: /every action/ },
  {
    rule: 'iam-no-wildcard-admin',
    shape: 'SSO permission set inline policy',
    resources: [['aws_ssoadmin_permission_set_inline_policy', 'p', { inline_policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }]],
    expect: /every action/,
  },
  {
    rule: 'iam-no-wildcard-admin',
    shape: 'role inline policy',
    resources: [['aws_iam_role', 'r', { inline_policy: [{ name: 'p', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }] }]],
    expect: /every action/,
  },
  {
    rule: 'iam-no-wildcard-admin',
    shape: 'beyond the ids: s3:* on "*"',
    resources: [policy('aws_iam_role_policy', { Effect: 'Allow', Action: 's3:*', Resource: '*' })],
    expect: /whole service \(s3:\*\)/,
  },
  { rule: 'iam-no-wildcard-admin', shape: 'beyond the ids: NotAction on "*"', resources: [policy('aws_iam_policy', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })], expect: /NotAction/ },
  {
    rule: 'iam-no-wildcard-admin',
    shape: 's3:* on its own bucket',
    resources: [policy('aws_iam_policy', { Effect: 'Allow', Action: 's3:*', Resource: ['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*'] })],
    expect: 'pass',
  },
  { rule: 'iam-no-wildcard-admin', shape: 'Deny "*" on "*"', resources: [policy('aws_iam_policy', { Effect: 'Deny', Action: '*', Resource: '*' })], expect: 'pass' },
  { rule: 'iam-no-wildcard-admin', shape: 'actions from a variable', resources: [policy('aws_iam_policy', { Effect: 'Allow', Action: VAR, Resource: 'arn:aws:s3:::b' })], expect: UNKNOWN },
  { rule: 'iam-no-wildcard-admin', shape: 's3:* on a resource from a variable', resources: [policy('aws_iam_policy', { Effect: 'Allow', Action: 's3:*', Resource: VAR })], expect: UNKNOWN },
  {
    rule: 'iam-no-admin-managed-policy',
    shape: 'AdministratorAccess on a role',
    resources: [['aws_iam_role_policy_attachment', 'a', { role: 'r', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }]],
    expect: /AdministratorAccess/,
  },
  {
    rule: 'iam-no-admin-managed-policy',
    shape: 'AdministratorAccess in managed_policy_arns',
    resources: [['aws_iam_role', 'r', { managed_policy_arns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }]],
    expect: /AdministratorAccess/,
  },
  {
    rule: 'iam-no-admin-managed-policy',
    shape: 'on a user, a group, a policy attachment',
    resources: [
      ['aws_iam_user_policy_attachment', 'u', { policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
      ['aws_iam_group_policy_attachment', 'g', { policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
      ['aws_iam_policy_attachment', 'p', { policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
    ],
    expect: /AdministratorAccess/,
  },
  {
    rule: 'iam-no-admin-managed-policy',
    shape: 'read-only policy; a policy of the stack',
    resources: [
      ['aws_iam_role_policy_attachment', 'a', { policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      ['aws_iam_role_policy_attachment', 'b', { policy_arn: '${aws_iam_policy.p.arn}' }],
    ],
    expect: 'pass',
  },
  {
    rule: 'iam-no-admin-managed-policy',
    shape: 'beyond CKV_AWS_274: PowerUserAccess',
    resources: [['aws_iam_role_policy_attachment', 'a', { policy_arn: 'arn:aws:iam::aws:policy/PowerUserAccess' }]],
    expect: /PowerUserAccess/,
  },
  { rule: 'iam-no-admin-managed-policy', shape: 'ARN from a variable', resources: [['aws_iam_role_policy_attachment', 'a', { policy_arn: VAR }]], expect: UNKNOWN },
  { rule: 'cognito-no-unauthenticated', shape: 'guests allowed', resources: [['aws_cognito_identity_pool', 'p', { allow_unauthenticated_identities: true }]], expect: /true/ },
  { rule: 'cognito-no-unauthenticated', shape: 'guests refused', resources: [['aws_cognito_identity_pool', 'p', { allow_unauthenticated_identities: false }]], expect: 'pass' },
  { rule: 'cognito-no-unauthenticated', shape: 'from a variable', resources: [['aws_cognito_identity_pool', 'p', { allow_unauthenticated_identities: VAR }]], expect: UNKNOWN },
  {
    rule: 'cognito-password-policy',
    shape: 'class flag from a variable',
    resources: [['aws_cognito_user_pool', 'u', { password_policy: { minimum_length: 14, require_symbols: VAR } }]],
    expect: UNKNOWN,
  },
  // Secrets (Checkov's secrets framework ids)
  { rule: 'no-plaintext-secret', shape: 'AWS access key id (CKV_SECRET_2)', resources: [['aws_instance', 'i', { user_data: 'export KEY_ID=AKIAIOSFODNN7EXAMPLE\n' }]], expect: /AWS access key id/ },
  {
    rule: 'no-plaintext-secret',
    shape: 'AWS secret key in an env pair (CKV_SECRET_2)',
    resources: [['aws_instance', 'i', { user_data: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' }]],
    expect: /AWS secret access key/,
  },
  {
    rule: 'no-plaintext-secret',
    shape: 'credential in a URL (CKV_SECRET_4)',
    resources: [['aws_ssm_parameter', 'p', { value: 'postgres://app:s3cr3tpass@db.internal:5432/app' }]],
    expect: /credential in a URL/,
  },
  {
    rule: 'no-plaintext-secret',
    shape: 'JWT (CKV_SECRET_9)',
    resources: [['aws_ssm_parameter', 'p', { value: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U' }]],
    expect: /JSON Web Token/,
  },
  {
    rule: 'no-plaintext-secret',
    shape: 'keyword pair in YAML (CKV_SECRET_10)',
    resources: [['aws_ssm_parameter', 'p', { value: 'database:\n  host: db\n  password: hunter2hunter2\n' }]],
    expect: /sets password to a literal value/,
  },
  { rule: 'no-plaintext-secret', shape: 'Mailchimp key (CKV_SECRET_11)', resources: [['aws_ssm_parameter', 'p', { value: '0123456789abcdef0123456789abcdef-us12' }]], expect: /Mailchimp/ },
  {
    rule: 'no-plaintext-secret',
    shape: 'npm token in a heredoc (CKV_SECRET_12)',
    resources: [['aws_instance', 'i', { user_data: '#!/bin/sh\necho //registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789 > ~/.npmrc\n' }]],
    expect: /npm token/,
  },
  {
    rule: 'no-plaintext-secret',
    shape: 'OpenSSH private key (CKV_SECRET_13)',
    resources: [['aws_ssm_parameter', 'p', { value: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n' }]],
    expect: /private key/,
  },
  { rule: 'no-plaintext-secret', shape: 'Slack token (CKV_SECRET_14)', resources: [['aws_ssm_parameter', 'p', { value: 'xoxb-123456789012-abcdefghijkl' }]], expect: /Slack/ },
  { rule: 'no-plaintext-secret', shape: 'Stripe key (CKV_SECRET_17)', resources: [['aws_ssm_parameter', 'p', { value: 'sk_live_abcdefghijklmnopqrstuvwx' }]], expect: /Stripe/ },
  { rule: 'no-plaintext-secret', shape: 'Twilio key (CKV_SECRET_18)', resources: [['aws_ssm_parameter', 'p', { value: 'SK0123456789abcdef0123456789abcdef' }]], expect: /Twilio/ },
  {
    rule: 'no-plaintext-secret',
    shape: 'token inside a jsonencode document',
    resources: [['aws_secretsmanager_secret_version', 'v', { secret_string: '${jsonencode({\n  github = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n  port = 443\n})}' }]],
    expect: /GitHub token/,
  },
  {
    rule: 'no-plaintext-secret',
    shape: 'references and settings only',
    resources: [
      ['aws_ssm_parameter', 'p', { value: 'DB_PASSWORD=${var.db_password}\nDB_PASSWORD_ARN=arn:aws:secretsmanager:eu-west-1:1:secret:x\nLOG_LEVEL=info\n' }],
      ['aws_instance', 'i', { metadata_options: { http_tokens: 'required' } }],
    ],
    expect: 'pass',
  },
  // Every resource type each rule reads, passing and failing
  { rule: 'alb-drop-invalid-headers', shape: 'aws_alb dropping them', resources: [['aws_alb', 'a', { drop_invalid_header_fields: true }]], expect: 'pass' },
  {
    rule: 'alb-http-redirects-to-https',
    shape: 'aws_alb_listener redirecting',
    resources: [['aws_alb_listener', 'l', { protocol: 'HTTP', default_action: [{ type: 'redirect', redirect: [{ protocol: 'HTTPS' }] }] }]],
    expect: 'pass',
  },
  {
    rule: 'alb-tls-policy',
    shape: 'aws_alb_listener with TLS13-1-2-Res',
    resources: [['aws_alb_listener', 'l', { protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' }]],
    expect: 'pass',
  },
  { rule: 'alb-access-logs', shape: 'aws_alb logging', resources: [['aws_alb', 'a', { access_logs: { bucket: '${aws_s3_bucket.logs.id}', enabled: 'true' } }]], expect: 'pass' },
  { rule: 'alb-deletion-protection', shape: 'aws_alb on', resources: [['aws_alb', 'a', { enable_deletion_protection: true }]], expect: 'pass' },
  { rule: 'alb-internal', shape: 'aws_alb internal', resources: [['aws_alb', 'a', { internal: true }]], expect: 'pass' },
  { rule: 'ec2-imds-hop-limit', shape: 'instance with hop limit 1', resources: [ec2({ metadata_options: { http_put_response_hop_limit: 1 } })], expect: 'pass' },
  { rule: 'ec2-imds-hop-limit', shape: 'instance with hop limit 2', resources: [ec2({ metadata_options: { http_put_response_hop_limit: 2 } })], expect: /is 2/ },
  {
    rule: 'ec2-ebs-encrypted',
    shape: 'launch template with an unencrypted volume',
    resources: [lt({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: { encrypted: false } }] })],
    expect: /false on block_device_mappings.ebs "\/dev\/xvda"/,
  },
  {
    rule: 'sg-no-public-ingress',
    shape: 'VPC ingress rule from a security group',
    resources: [vpcRule({ ip_protocol: 'tcp', from_port: 22, to_port: 22, referenced_security_group_id: 'sg-2' })],
    expect: 'pass',
  },
  { rule: 'sg-public-web-ingress', shape: 'group with web ports from the VPC only', resources: [sg([tcp(443, '10.0.0.0/16')])], expect: 'pass' },
  { rule: 'sg-public-web-ingress', shape: 'HTTP from ::/0 as a rule', resources: [sgRule({ from_port: 80, to_port: 80, protocol: 'tcp', ipv6_cidr_blocks: ['::/0'] })], expect: /port 80/ },
  {
    rule: 'sg-public-web-ingress',
    shape: 'VPC ingress rule on 443 from an office',
    resources: [vpcRule({ ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '203.0.113.0/24' })],
    expect: 'pass',
  },
  { rule: 'sg-descriptions', shape: 'VPC ingress rule without description', resources: [vpcRule({ description: undefined, ip_protocol: '-1', cidr_ipv4: '10.0.0.0/8' })], expect: /no description/ },
  {
    rule: 'sg-descriptions',
    shape: 'VPC egress rule described',
    resources: [['aws_vpc_security_group_egress_rule', 'e', { security_group_id: 'sg-1', ip_protocol: '-1', description: 'all out' }]],
    expect: 'pass',
  },
  { rule: 'sg-descriptions', shape: 'legacy DB security group described', resources: [['aws_db_security_group', 'd', { name: 'd', description: 'db clients' }]], expect: 'pass' },
  {
    rule: 'sg-descriptions',
    shape: 'legacy ElastiCache and Redshift groups with the Terraform default',
    resources: [
      ['aws_elasticache_security_group', 'e', { description: 'Managed by Terraform' }],
      ['aws_redshift_security_group', 'r', {}],
    ],
    expect: /no description/,
  },
  { rule: 'rds-encrypted', shape: 'encrypted cluster', resources: [['aws_rds_cluster', 'c', { storage_encrypted: true }]], expect: 'pass' },
  { rule: 'rds-not-public', shape: 'private instance', resources: db({}), expect: 'pass' },
  { rule: 'rds-backup-retention', shape: 'cluster keeping 14 days', resources: [['aws_rds_cluster', 'c', { backup_retention_period: 14 }]], expect: 'pass' },
  { rule: 'rds-deletion-protection', shape: 'cluster protected', resources: [['aws_rds_cluster', 'c', { deletion_protection: true }]], expect: 'pass' },
  { rule: 'rds-deletion-protection', shape: 'cluster unprotected in production', resources: [['aws_rds_cluster', 'c', {}]], expect: /not set/ },
  { rule: 'rds-iam-auth', shape: 'Aurora MySQL cluster with IAM auth', resources: [['aws_rds_cluster', 'c', { engine: 'aurora-mysql', iam_database_authentication_enabled: true }]], expect: 'pass' },
  { rule: 'rds-iam-auth', shape: 'Aurora PostgreSQL cluster without', resources: [['aws_rds_cluster', 'c', { engine: 'aurora-postgresql' }]], expect: /not set/ },
  { rule: 'rds-auto-minor-upgrade', shape: 'instance with the default', resources: db({}), expect: 'pass' },
  {
    rule: 'iam-no-wildcard-admin',
    shape: 'scoped role, user, group, role-inline and SSO policies',
    resources: [
      policy('aws_iam_role_policy', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
      ['aws_iam_user_policy', 'u', { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:1:q' }] }) }],
      ['aws_iam_group_policy', 'g', { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' }] }) }],
      ['aws_iam_role', 'r', { inline_policy: [{}] }],
      ['aws_ssoadmin_permission_set_inline_policy', 's', { inline_policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: 'arn:aws:logs:*:*:*' }] }) }],
    ],
    expect: 'pass',
  },
  {
    rule: 'iam-no-admin-managed-policy',
    shape: 'harmless attachments of every kind',
    resources: [
      ['aws_iam_policy_attachment', 'p', { policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      ['aws_iam_user_policy_attachment', 'u', { policy_arn: 'arn:aws:iam::aws:policy/IAMUserChangePassword' }],
      ['aws_iam_group_policy_attachment', 'g', { policy_arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess' }],
      ['aws_iam_role', 'r', { managed_policy_arns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] }],
    ],
    expect: 'pass',
  },
];

const byRule = new Map(RULES.map((r) => [r.id, r]));

describe('public-id shapes', () => {
  it.each(SHAPES.map((s) => [s.rule, s.shape, s] as const))('%s: %s', (id, _shape, s) => {
    const rule = byRule.get(id)!;
    const findings = run(rule, [stack('fixture', doc(s.resources, s.extra ?? {}), s.tier ?? 'production')]);
    if (s.expect === 'pass') expect(findings).toEqual([]);
    else {
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) expect(f.problem).toMatch(s.expect);
    }
  });

  it('has a failing and a passing shape on every resource type of every rule that names a public id', () => {
    const missing = RULES.filter((r) => r.publicIds.length > 0).flatMap((rule) => {
      const shapes = SHAPES.filter((s) => s.rule === rule.id);
      const types = rule.kind === 'resource' ? rule.resourceTypes : ['*'];
      return types.flatMap((type) =>
        (['pass', 'fail'] as const)
          .filter((want) => !shapes.some((s) => (s.expect === 'pass') === (want === 'pass') && (type === '*' || s.resources.some(([t]) => t === type))))
          .map((want) => `${rule.id} ${type} ${want}`),
      );
    });
    expect(missing).toEqual([]);
  });

  it('marks every "beyond" shape on a rule that says it is stricter', () => {
    for (const s of SHAPES.filter((x) => x.shape.startsWith('beyond'))) {
      expect([s.rule, byRule.get(s.rule)?.stricterThan?.length ?? 0]).not.toEqual([s.rule, 0]);
    }
  });
});
