import type { Socket } from 'socket.io';

const maxSessionIdLength = 128;

/** The gateway session a handshake names with `auth.sessionId`, or null when it names none. */
export function handshakeSessionId(handshake: Socket['handshake']): string | null {
  const sessionId: unknown = handshake.auth['sessionId'];
  return typeof sessionId === 'string' ? sessionId : null;
}

/** Refuses a handshake whose `auth.sessionId` is not a string of 1 to 128 characters: `connect_error` "invalid_session_id". */
export function sessionIdMiddleware(socket: Socket, next: (error?: Error) => void) {
  const sessionId: unknown = socket.handshake.auth['sessionId'];
  const valid = sessionId === undefined || (typeof sessionId === 'string' && sessionId.length >= 1 && sessionId.length <= maxSessionIdLength);
  next(valid ? undefined : new Error('invalid_session_id'));
}
