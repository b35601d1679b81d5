/** Runs the synth entry point; bad input prints its message (the fix included) instead of a stack trace. */
import { InputError } from '../core/input-error';
import { PolicyError } from '../policy/report';

export function runSynth(synth: () => void): void {
  try {
    synth();
  } catch (error) {
    // Told apart by class: a bug (any other error) keeps its stack trace.
    if (!(error instanceof InputError || error instanceof PolicyError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
