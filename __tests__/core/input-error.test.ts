import { AddressError, ConfigError, describeProblem, InputError, PropsError, UsageError } from '../../src/core/input-error';
import { NameLimitError } from '../../src/core/naming';

describe('InputError', () => {
  test('the message is "<subject>: <field> = <value> <problem>. Fix: <fix>", and the parts stay readable', () => {
    // GIVEN a problem with every part WHEN thrown as a PropsError THEN message and fields agree
    const error = new PropsError({ subject: 'TenantService api', field: 'containerPort', value: 0, problem: 'is not a TCP port', fix: '1-65535' });
    expect(error.message).toBe('TenantService api: containerPort = 0 is not a TCP port. Fix: 1-65535');
    expect([error.name, error.subject, error.field, error.value, error.fix]).toEqual(['PropsError', 'TenantService api', 'containerPort', 0, '1-65535']);
  });

  test('a missing value reads "(missing)"; a problem without a value has no "="', () => {
    expect(describeProblem({ field: 'dns.domain', value: undefined, problem: 'is required', fix: 'add the field' })).toBe('dns.domain = (missing) is required. Fix: add the field');
    expect(describeProblem({ subject: 'staging', field: 'dns.typo', problem: 'is not a known field', fix: 'remove it' })).toBe('staging: dns.typo is not a known field. Fix: remove it');
  });

  test.each([
    ['PropsError', new PropsError({ field: 'f', value: 1, problem: 'p', fix: 'x' })],
    ['AddressError', new AddressError({ field: 'f', value: 1, problem: 'p', fix: 'x' })],
    ['UsageError', new UsageError({ field: 'f', value: 1, problem: 'p', fix: 'x' })],
    ['ConfigError', new ConfigError([{ field: 'f', value: 1, problem: 'p', fix: 'x' }])],
    ['NameLimitError', new NameLimitError('x'.repeat(40), 'alb', 'is too long')],
  ])('%s belongs to the family and carries its name', (name, error) => {
    expect(error).toBeInstanceOf(InputError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
  });

  test('ConfigError lists every problem and carries the first one as field, value and fix', () => {
    const error = new ConfigError([
      { subject: 'staging', field: 'network.vpcCidr', value: '10.0.0.0/8', problem: 'is too large', fix: 'use a /16' },
      { subject: 'prod', field: 'namePrefix', value: 'atlas', problem: "is also staging's", fix: 'give each its own' },
    ]);
    expect(error.message).toBe(
      'Invalid configuration (nothing was written):\n' +
        '  - staging: network.vpcCidr = "10.0.0.0/8" is too large. Fix: use a /16\n' +
        '  - prod: namePrefix = "atlas" is also staging\'s. Fix: give each its own',
    );
    expect(error.problems).toHaveLength(2);
    expect([error.field, error.value, error.fix]).toEqual(['network.vpcCidr', '10.0.0.0/8', 'use a /16']);
  });
});
