/** Runs the synth entry point; configuration errors print their list of fixes instead of a stack trace. */
import { ConfigError } from '../config/load';

export function runSynth(synth: () => void): void {
  try {
    synth();
  } catch (error) {
    if (!(error instanceof Error) || !isInputError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}

function isInputError(error: Error): boolean {
  return error instanceof ConfigError || /Fix:/.test(error.message);
}
