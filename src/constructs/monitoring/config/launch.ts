/**
 * How each stock image receives its generated configuration. Images with a shell get the YAML in
 * an environment variable that the entry command writes to a file before `exec`ing the server (so
 * the server is PID 1's child, receives signals, and a changed config is a new task definition
 * revision, i.e. a redeploy). The distroless collector reads its configuration straight from the
 * environment through its `env:` config provider.
 */
import { PropsError } from '../../../core/input-error';

export interface ContainerLaunch {
  readonly entryPoint?: string[];
  readonly command: string[];
  readonly environment: Record<string, string>;
}

export interface ConfigFile {
  /** Environment variable that carries the YAML. */
  readonly variable: string;
  /** Where the entry command writes it. */
  readonly path: string;
  readonly yaml: string;
}

const SAFE_WORD = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** Single-quotes a word for `sh` unless it is plainly safe. */
export function shellQuote(word: string): string {
  return SAFE_WORD.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * `sh -c 'mkdir -p <dirs> && printf "%s\n" "$VAR" > <file> && exec <server> <args>'`.
 * Terraform reads `${` in a string as interpolation; the script never contains it.
 */
export function writeConfigThenExec(shell: string, files: readonly ConfigFile[], server: readonly string[], extraDirs: readonly string[] = []): ContainerLaunch {
  for (const file of files) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(file.variable)) {
      throw new PropsError({ subject: 'config file', field: 'variable', value: file.variable, problem: 'is not an environment variable name', fix: 'e.g. PROMETHEUS_CONFIG' });
    }
    if (!file.path.startsWith('/')) throw new PropsError({ subject: 'config file', field: 'path', value: file.path, problem: 'is not absolute', fix: 'e.g. /prometheus/config/prometheus.yml' });
  }
  const dirs = [...new Set([...files.map((f) => f.path.slice(0, f.path.lastIndexOf('/'))), ...extraDirs])];
  const steps = [`mkdir -p ${dirs.map(shellQuote).join(' ')}`, ...files.map((f) => `printf '%s\\n' "$${f.variable}" > ${shellQuote(f.path)}`), `exec ${server.map(shellQuote).join(' ')}`];
  return {
    entryPoint: [shell, '-c'],
    command: [steps.join(' && ')],
    environment: Object.fromEntries(files.map((f) => [f.variable, f.yaml])),
  };
}
