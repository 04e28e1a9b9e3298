import type { Socket } from 'socket.io';
import { parseGatewaySessionId } from '../../src/testing/agent/gateway/gateway-session-id.js';

/** The gateway session a handshake names with `auth.sessionId`, or null when it names none (the middleware refused any other value). */
export function handshakeSessionId(handshake: Socket['handshake']): string | null {
  const parsed = parseGatewaySessionId(handshake.auth);
  return parsed.ok ? parsed.sessionId : null;
}

/** Refuses a handshake whose `auth.sessionId` is not a string of 1 to 128 characters: `connect_error` "invalid_session_id". */
export function sessionIdMiddleware(socket: Socket, next: (error?: Error) => void) {
  next(parseGatewaySessionId(socket.handshake.auth).ok ? undefined : new Error('invalid_session_id'));
}
