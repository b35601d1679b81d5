import { LbListenerRule, type LbListenerRuleAction, type LbListenerRuleCondition } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';
import { claimListenerPriority } from '../../contract/listener-priorities';
import type { Names } from '../../core/naming';
import type { PlatformParameters } from '../platform/platform-parameters';

export interface AlbRouteProps {
  readonly names: Names;
  readonly serviceName: string;
  readonly platform: PlatformParameters;
  /** Public hostname routed to the service, e.g. `api.example.com`. */
  readonly hostname: string;
  readonly containerPort: number;
  readonly healthCheckPath: string;
  /** Priority of the host-header rule (from the listener-priority registry). */
  readonly priority: number;
  /** Also send every request no other rule matches here, at this (lowest) priority. @default - no catch-all */
  readonly catchAllPriority?: number;
  /** Require a Cognito login (the Layer 1 user pool) before forwarding. */
  readonly authenticate: boolean;
  /** Alias record `hostname` -> ALB in the platform zone. */
  readonly createDnsRecord: boolean;
}

/** Target group, host-header rule(s) on the shared HTTPS listener, and the DNS alias of the hostname. */
export class AlbRoute extends Construct {
  readonly targetGroup: LbTargetGroup;

  constructor(scope: Construct, id: string, props: AlbRouteProps) {
    super(scope, id);
    const { platform } = props;

    this.targetGroup = new LbTargetGroup(this, 'target_group', {
      name: props.names.of(props.serviceName, 'targetGroup'),
      port: props.containerPort,
      protocol: 'HTTP',
      targetType: 'ip',
      vpcId: platform.get('vpcId'),
      deregistrationDelay: '30',
      healthCheck: {
        enabled: true,
        path: props.healthCheckPath,
        matcher: '200-399',
        interval: 30,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      },
    });

    const actions: LbListenerRuleAction[] = [
      ...(props.authenticate
        ? [
            {
              type: 'authenticate-cognito',
              order: 1,
              authenticateCognito: {
                userPoolArn: platform.get('cognitoUserPoolArn'),
                userPoolClientId: platform.get('cognitoUserPoolClientId'),
                userPoolDomain: platform.get('cognitoUserPoolDomain'),
                onUnauthenticatedRequest: 'authenticate',
              },
            },
          ]
        : []),
      { type: 'forward', order: props.authenticate ? 2 : 1, targetGroupArn: this.targetGroup.arn },
    ];
    const rule = (ruleId: string, priority: number, condition: LbListenerRuleCondition) => {
      claimListenerPriority(this, { listener: platform.nameOf('albListenerArn'), priority, rule: `${this.node.path}/${ruleId}` });
      new LbListenerRule(this, ruleId, { listenerArn: platform.get('albListenerArn'), priority, action: actions, condition: [condition] });
    };
    rule('host_rule', props.priority, { hostHeader: { values: [props.hostname] } });
    if (props.catchAllPriority !== undefined) rule('catch_all_rule', props.catchAllPriority, { pathPattern: { values: ['/*'] } });

    if (props.createDnsRecord) {
      new Route53Record(this, 'dns_record', {
        zoneId: platform.get('hostedZoneId'),
        name: props.hostname,
        type: 'A',
        alias: { name: platform.get('albDnsName'), zoneId: platform.get('albZoneId'), evaluateTargetHealth: true },
      });
    }
  }
}
