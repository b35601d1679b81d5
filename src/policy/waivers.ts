/**
 * Waivers: the findings the platform accepts on purpose, as data. Each names the rule, the stack,
 * the resource address and why the exception is safe (at least ten characters). Synth prints every
 * waiver in use and lists it in cdktf.out/policy-report.json; a waiver that matches nothing in a
 * stack that was checked fails synth, so stale exceptions cannot linger.
 */

import type { Waiver } from './types';

export type { Waiver };

const PUBLIC_EDGE_SG =
  'The shared ALB is the public edge: 80 only redirects to HTTPS and 443 serves TLS 1.2+; any other public port on it is still a finding (sg-no-public-ingress).';
const PUBLIC_EDGE_ALB =
  'The one internet-facing load balancer by design (docs/design.md): tenants reach users through its HTTPS listener; services behind it stay in private subnets.';

/** Per-environment base-infra waivers (the same exception in every environment). */
function baseInfra(env: string): Waiver[] {
  return [
    { rule: 'sg-public-web-ingress', stack: `base-infra-${env}`, address: 'aws_security_group.alb_security_group', reason: PUBLIC_EDGE_SG },
    { rule: 'alb-internal', stack: `base-infra-${env}`, address: 'aws_lb.alb', reason: PUBLIC_EDGE_ALB },
  ];
}

const STAGING_PUBLIC_DATA =
  'Staging keeps the existing publicly reachable placement (docs/security.md) for operators outside AWS; ingress is only from the allow-listed atlas CIDRs (no range wider than /16, enforced by the schema; the pack flags any internet-wide range), with TLS and IAM/password auth.';
const KAFKA_UI_WRITABLE_ROOT =
  'Kafka UI (Spring Boot) unpacks and writes under its working directory and /tmp at start; it runs with no privileges, read-only MSK access and only behind the Cognito login.';

const GRAFANA_WRITABLE_ROOT =
  'Grafana and its SQLite write plugins, sessions and temporary files outside the EFS data directory; the container runs unprivileged as uid 472 behind the Cognito login.';

const PLATFORM_VPC_CIDR =
  "The collector admits OTLP from the platform VPC's own CIDR, which this Layer 2 stack can only read from the SSM contract parameter Layer 1 writes (the schema holds the VPC to /16-/28); no internet-wide range can reach it.";

/** Per-environment monitoring waivers: the two OTLP ports of the collector. */
function monitoring(env: string): Waiver[] {
  return ['grpc', 'http'].map((port) => ({
    rule: 'sg-no-public-ingress',
    stack: `monitoring-${env}`,
    address: `aws_vpc_security_group_ingress_rule.flows_apps_to_collector_otlp_${port}`,
    reason: PLATFORM_VPC_CIDR,
  }));
}

export const WAIVERS: readonly Waiver[] = [
  {
    rule: 'state-backend-secure',
    stack: 'bootstrap',
    address: 'terraform.backend.local',
    // Delete once state.bootstrapBackend is 's3': synth then reports this waiver as unused.
    reason:
      'The bootstrap stack creates the state bucket and lock table, so it cannot keep its first state in them; README "Bootstrap" migrates it into the bucket after the first apply.',
  },
  ...baseInfra('staging'),
  ...baseInfra('prod'),
  ...monitoring('staging'),
  ...monitoring('prod'),
  { rule: 'rds-not-public', stack: 'atlas-staging', address: 'aws_db_instance.database', reason: STAGING_PUBLIC_DATA },
  {
    rule: 'msk-not-public',
    stack: 'atlas-staging',
    address: 'aws_msk_cluster.kafka',
    reason: STAGING_PUBLIC_DATA,
    absentWhen: "atlas.msk.phase is 'create': AWS creates clusters private only, public access comes with phase 'enable'",
  },
  { rule: 'ecs-task-readonly-root', stack: 'atlas-staging', address: 'aws_ecs_task_definition.kafka_ui_task', reason: KAFKA_UI_WRITABLE_ROOT },
  { rule: 'ecs-task-readonly-root', stack: 'atlas-prod', address: 'aws_ecs_task_definition.kafka_ui_task', reason: KAFKA_UI_WRITABLE_ROOT },
  { rule: 'ecs-task-readonly-root', stack: 'monitoring-staging', address: 'aws_ecs_task_definition.grafana_task', reason: GRAFANA_WRITABLE_ROOT },
  { rule: 'ecs-task-readonly-root', stack: 'monitoring-prod', address: 'aws_ecs_task_definition.grafana_task', reason: GRAFANA_WRITABLE_ROOT },
];
