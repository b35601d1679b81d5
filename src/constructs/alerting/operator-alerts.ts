import { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import type { Names } from '../../core/naming';
import { awsPartition } from '../../core/partition';
import { policyDocument } from '../iam/policies';

export interface OperatorAlertsProps {
  readonly names: Names;
  readonly accountId: string;
  /** Receives alarms and budget alerts (after confirming the subscription email). */
  readonly operatorEmail: string;
  readonly monthlyBudgetUsd: number;
  /** Value of the Environment tag the budget counts (activate it as a cost allocation tag). */
  readonly environmentTag: string;
}

/** Operator SNS topic (KMS-encrypted, email subscription) and a monthly cost budget that notifies it. */
export class OperatorAlerts extends Construct {
  readonly topic: SnsTopic;
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: OperatorAlertsProps) {
    super(scope, id);
    const { names, accountId } = props;
    const publishers = ['cloudwatch.amazonaws.com', 'budgets.amazonaws.com'];

    // A customer managed key: CloudWatch and Budgets cannot publish to a topic under aws/sns.
    this.key = new KmsKey(this, 'key', {
      description: `Encrypts the ${names.of('operator-alerts')} SNS topic`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policyDocument([
        { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: `arn:${awsPartition(this)}:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' },
        { Sid: 'AlarmPublishers', Effect: 'Allow', Principal: { Service: publishers }, Action: ['kms:GenerateDataKey*', 'kms:Decrypt'], Resource: '*' },
      ]),
    });
    new KmsAlias(this, 'key_alias', { name: `alias/${names.of('operator-alerts')}`, targetKeyId: this.key.keyId });

    this.topic = new SnsTopic(this, 'topic', { name: names.of('operator-alerts'), kmsMasterKeyId: this.key.arn });
    new SnsTopicPolicy(this, 'topic_policy', {
      arn: this.topic.arn,
      policy: policyDocument([
        {
          Sid: 'AlarmPublishers',
          Effect: 'Allow',
          Principal: { Service: publishers },
          Action: 'sns:Publish',
          Resource: this.topic.arn,
          Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
        },
      ]),
    });
    new SnsTopicSubscription(this, 'operator_email', {
      topicArn: this.topic.arn,
      protocol: 'email',
      endpoint: props.operatorEmail,
    });

    new BudgetsBudget(this, 'budget', {
      name: names.of('monthly'),
      budgetType: 'COST',
      limitAmount: props.monthlyBudgetUsd.toFixed(2),
      limitUnit: 'USD',
      timeUnit: 'MONTHLY',
      // Environments can share an account; the budget counts only this one's tagged spend.
      costFilter: [{ name: 'TagKeyValue', values: [`user:Environment$${props.environmentTag}`] }],
      notification: [
        { comparisonOperator: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE', notificationType: 'ACTUAL' },
        { comparisonOperator: 'GREATER_THAN', threshold: 100, thresholdType: 'PERCENTAGE', notificationType: 'FORECASTED' },
      ].map((rule) => ({
        ...rule,
        subscriberEmailAddresses: [props.operatorEmail],
        subscriberSnsTopicArns: [this.topic.arn],
      })),
    });
  }
}
