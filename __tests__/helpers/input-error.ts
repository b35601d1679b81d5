/** Asserts bad input by class and message: the error `build` throws is a `kind` whose message has `message`. */
import type { InputError } from '../../src/core/input-error';

type ErrorClass<T extends InputError> = abstract new (...args: never[]) => T;

/** The `kind` error `build` throws, its message checked; fails when nothing or something else is thrown. */
export function expectInputError<T extends InputError>(kind: ErrorClass<T>, build: () => unknown, message: string | RegExp): T {
  let error: unknown;
  try {
    build();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(kind);
  if (typeof message === 'string') expect((error as T).message).toContain(message);
  else expect((error as T).message).toMatch(message);
  return error as T;
}

/** The same for a promise that must reject. */
export async function expectInputRejection<T extends InputError>(kind: ErrorClass<T>, pending: Promise<unknown>, message: string | RegExp): Promise<T> {
  const error = await pending.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return expectInputError(
    kind,
    () => {
      if (error) throw error as Error;
    },
    message,
  );
}
