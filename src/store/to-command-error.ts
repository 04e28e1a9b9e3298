import type { CommandError } from '../protocol/index.js';

/** Turns whatever a failed command rejected with into the `{ code, message }` shape the state keeps. */
export function toCommandError(error: unknown, fallbackCode = 'command_failed'): CommandError {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return {
      code: typeof code === 'string' ? code : fallbackCode,
      message: typeof message === 'string' ? message : String(error),
    };
  }
  return { code: fallbackCode, message: String(error) };
}
