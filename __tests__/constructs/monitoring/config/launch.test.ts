import { shellQuote, writeConfigThenExec } from '../../../../src/constructs/monitoring/config/launch';
import { PropsError } from '../../../../src/core/input-error';
import { expectInputError } from '../../../helpers/input-error';

describe('writeConfigThenExec', () => {
  test('creates the directories, writes each file from its variable, then execs the server', () => {
    // GIVEN two files and a server  WHEN the launch is built
    const launch = writeConfigThenExec(
      '/bin/sh',
      [
        { variable: 'A_CONFIG', path: '/data/config/a.yaml', yaml: 'a: 1\n' },
        { variable: 'B_CONFIG', path: '/data/config/b.yaml', yaml: 'b: 2\n' },
      ],
      ['/bin/server', '--flag=x y'],
      ['/data/extra'],
    );
    // THEN one shell script does it in order and quotes what needs quoting
    expect(launch.entryPoint).toEqual(['/bin/sh', '-c']);
    expect(launch.command).toEqual([
      `mkdir -p /data/config /data/extra && printf '%s\\n' "$A_CONFIG" > /data/config/a.yaml && printf '%s\\n' "$B_CONFIG" > /data/config/b.yaml && exec /bin/server '--flag=x y'`,
    ]);
    expect(launch.environment).toEqual({ A_CONFIG: 'a: 1\n', B_CONFIG: 'b: 2\n' });
  });

  test('rejects a variable that is not an environment variable name', () => {
    const error = expectInputError(
      PropsError,
      () => writeConfigThenExec('/bin/sh', [{ variable: 'bad-name', path: '/x/y', yaml: '' }], ['/s']),
      'variable = "bad-name" is not an environment variable name. Fix: e.g. PROMETHEUS_CONFIG',
    );
    expect([error.field, error.value]).toEqual(['variable', 'bad-name']);
  });

  test('rejects a relative config path', () => {
    expectInputError(PropsError, () => writeConfigThenExec('/bin/sh', [{ variable: 'X', path: 'x/y.yaml', yaml: '' }], ['/s']), 'path = "x/y.yaml" is not absolute');
  });
});

describe('shellQuote', () => {
  test('leaves plain words alone and single-quotes the rest, escaping inner quotes', () => {
    expect(shellQuote('--config.file=/etc/x.yml')).toBe('--config.file=/etc/x.yml');
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
  });
});
