/**
 * Bad input, in one family of errors: each names the field at fault, the value it has and the
 * fix. The entry points (`src/app/run.ts`, the scripts) tell input errors from bugs by class:
 * an input error prints its message and exits 1, anything else keeps its stack trace.
 */

/** One problem with one field. */
export interface InputProblem {
  /** What was being read or built, e.g. `staging` or `TenantService events-api`. @default - none */
  readonly subject?: string;
  /** The field at fault, e.g. `dns.domain`, `imageTag` or `--tier`. */
  readonly field: string;
  /**
   * The value it has; `undefined` reads "(missing)".
   * @default - no value: the message has no `= <value>` (leave the key out when no value applies)
   */
  readonly value?: unknown;
  /** What is wrong with the value, e.g. `is not kebab-case`. */
  readonly problem: string;
  /** What to do instead. */
  readonly fix: string;
}

/** `<subject>: <field> = <value> <problem>. Fix: <fix>`: the one shape of every input problem. */
export function describeProblem(problem: InputProblem): string {
  const subject = problem.subject ? `${problem.subject}: ` : '';
  const value = 'value' in problem ? ` = ${showValue(problem.value)}` : '';
  return `${subject}${problem.field}${value} ${problem.problem}. Fix: ${problem.fix}`;
}

function showValue(value: unknown): string {
  return value === undefined ? '(missing)' : JSON.stringify(value);
}

/** Input that cannot be built: the base of the family. */
export class InputError extends Error {
  /** What was being read or built, when the message names it. */
  readonly subject?: string;
  /** The field at fault. */
  readonly field: string;
  /** The value the field has (`undefined`: missing, or no value applies). */
  readonly value?: unknown;
  /** What to do instead. */
  readonly fix: string;

  /** @param message the full message, when the problem needs more than its one-line shape */
  constructor(problem: InputProblem, message: string = describeProblem(problem)) {
    super(message);
    this.name = new.target.name;
    this.subject = problem.subject;
    this.field = problem.field;
    this.value = problem.value;
    this.fix = problem.fix;
  }
}

/** Environment configuration that fails its schema or its cross-environment rules; lists every problem. */
export class ConfigError extends InputError {
  /** Every problem found, each in the one-line shape (`problems[0]` is also `field`/`value`/`fix`). */
  readonly problems: readonly string[];

  constructor(readonly issues: readonly InputProblem[]) {
    const problems = issues.map(describeProblem);
    super(issues[0] ?? { field: '(root)', problem: 'is not a valid configuration', fix: 'correct it' }, `Invalid configuration (nothing was written):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** A construct's props that cannot be built (checked before any resource exists). */
export class PropsError extends InputError {}

/** A Terraform address that cannot be used: adopted, renamed or claimed twice. */
export class AddressError extends InputError {}

/** Command-line arguments of a script that cannot be run. */
export class UsageError extends InputError {}
