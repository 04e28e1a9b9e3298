import type { ClientError } from './types.js';

/** The Error thrown by client calls; `code` is stable, `message` is for people. */
export class PlatosClientError extends Error implements ClientError {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'PlatosClientError';
    this.code = code;
  }
}

export function toClientError(error: unknown, fallbackCode = 'internal'): PlatosClientError {
  if (error instanceof PlatosClientError) return error;
  if (error instanceof Error) {
    const code = error.message.includes('timed out') || error.message === 'operation has timed out' ? 'timeout' : fallbackCode;
    return new PlatosClientError(code, error.message);
  }
  return new PlatosClientError(fallbackCode, String(error));
}
