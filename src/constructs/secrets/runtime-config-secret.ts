import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { Construct } from 'constructs';
import type { Names } from '../../core/naming';

export interface RuntimeConfigSecretProps {
  readonly names: Names;
  /** Service that reads the secret, e.g. `events-ingestion`. */
  readonly serviceName: string;
  /** Days a deleted secret stays recoverable. @default 30 */
  readonly recoveryWindowInDays?: number;
}

/**
 * The runtime configuration secret of one service. Only the container is declared here: the value
 * is written by operators or the application's pipeline, so it never enters code, plan or state.
 */
export class RuntimeConfigSecret extends Construct {
  readonly secret: SecretsmanagerSecret;

  constructor(scope: Construct, id: string, props: RuntimeConfigSecretProps) {
    super(scope, id);
    this.secret = new SecretsmanagerSecret(this, 'this', {
      name: props.names.of(`${props.serviceName}/runtime-config`, 'secret'),
      description: `Runtime configuration of ${props.serviceName} (JSON; set by operators, not by Terraform)`,
      recoveryWindowInDays: props.recoveryWindowInDays ?? 30,
    });
  }

  get arn(): string {
    return this.secret.arn;
  }
}
