import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { parameterName, PLATFORM_PARAMETERS, type PlatformParameter } from '../../contract/platform-parameters';
import { PropsError } from '../../core/input-error';

/** Where Layer 1 wrote the parameters. */
export interface PlatformParametersProps {
  /** Environment prefix such as `/infra` (no trailing slash). */
  readonly prefix: string;
}

/**
 * The Layer 2 side of the SSM contract: reads Layer 1's parameters through data sources, so a
 * stack that uses it plans and applies on its own. Only the parameters asked for are read.
 */
export class PlatformParameters extends Construct {
  /** Environment prefix such as `/infra`. */
  readonly prefix: string;
  private readonly lookups = new Map<PlatformParameter, DataAwsSsmParameter>();

  constructor(scope: Construct, id: string, props: PlatformParametersProps) {
    super(scope, id);
    this.prefix = props.prefix;
  }

  /** Full name of a parameter, e.g. `/infra/alb-listener-arn`. */
  nameOf(parameter: PlatformParameter): string {
    return parameterName(this.prefix, parameter);
  }

  /** A String parameter's value. */
  get(parameter: PlatformParameter): string {
    if (PLATFORM_PARAMETERS[parameter].type !== 'String') {
      throw new PropsError({ subject: 'PlatformParameters.get', field: 'parameter', value: parameter, problem: 'is a StringList', fix: 'read it with list()' });
    }
    return this.lookup(parameter).insecureValue;
  }

  /** A StringList parameter's values. */
  list(parameter: PlatformParameter): string[] {
    if (PLATFORM_PARAMETERS[parameter].type !== 'StringList') {
      throw new PropsError({ subject: 'PlatformParameters.list', field: 'parameter', value: parameter, problem: 'is a String', fix: 'read it with get()' });
    }
    return Fn.split(',', this.lookup(parameter).insecureValue);
  }

  private lookup(parameter: PlatformParameter): DataAwsSsmParameter {
    let data = this.lookups.get(parameter);
    if (!data) {
      data = new DataAwsSsmParameter(this, PLATFORM_PARAMETERS[parameter].key.replace(/-/g, '_'), {
        name: parameterName(this.prefix, parameter),
      });
      this.lookups.set(parameter, data);
    }
    return data;
  }
}
