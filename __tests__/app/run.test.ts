import { runSynth } from '../../src/app/run';
import { PropsError } from '../../src/core/input-error';
import { PolicyError } from '../../src/policy/report';

describe('runSynth', () => {
  let written: string;
  let write: jest.SpyInstance;

  beforeEach(() => {
    written = '';
    write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    write.mockRestore();
    process.exitCode = undefined;
  });

  it.each([
    ['an input error', new PropsError({ field: 'priority', value: 0, problem: 'is outside 1-50000', fix: 'pick another' })],
    ['a policy failure', new PolicyError('policy: 1 finding. Fix: see the report')],
  ])('prints %s without a stack trace and exits 1', (_kind, error) => {
    runSynth(() => {
      throw error;
    });
    expect(written).toBe(`${error.message}\n`);
    expect(process.exitCode).toBe(1);
  });

  it('rethrows any other error, even one whose message says "Fix:": errors are told apart by class', () => {
    const bug = new Error('something broke. Fix: nothing, it is a bug');
    expect(() =>
      runSynth(() => {
        throw bug;
      }),
    ).toThrow(bug);
    expect(written).toBe('');
    expect(process.exitCode).toBeUndefined();
  });
});
