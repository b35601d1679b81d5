import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Construct } from 'constructs';
import { parameterName, PLATFORM_PARAMETERS, type PlatformParameter } from '../../contract/platform-parameters';

export interface PlatformParametersWriterProps {
  /** Environment prefix such as `/infra`. */
  readonly prefix: string;
  /** A value for every parameter of the contract (lists for StringList parameters). */
  readonly values: Readonly<Record<PlatformParameter, string | string[]>>;
}

/** Writes the Layer 1 side of the SSM contract, one parameter per key. */
export class PlatformParametersWriter extends Construct {
  constructor(scope: Construct, id: string, props: PlatformParametersWriterProps) {
    super(scope, id);
    for (const [parameter, spec] of Object.entries(PLATFORM_PARAMETERS) as [PlatformParameter, (typeof PLATFORM_PARAMETERS)[PlatformParameter]][]) {
      const value = props.values[parameter];
      new SsmParameter(this, spec.key.replace(/-/g, '_'), {
        name: parameterName(props.prefix, parameter),
        type: spec.type,
        value: Array.isArray(value) ? value.join(',') : value,
        description: spec.description,
        tier: 'Standard',
      });
    }
  }
}
