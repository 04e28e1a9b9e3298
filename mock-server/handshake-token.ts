import type { Socket } from 'socket.io';

const bearer = /^Bearer (.+)$/;

/**
 * The token of a handshake: `auth.token`, or else the `Authorization: Bearer` header (for non-browser clients that
 * set `extraHeaders`). Never `query.token`: a token in a URL ends up in logs and proxies.
 */
export function handshakeToken(handshake: Socket['handshake']): string | undefined {
  const fromAuth: unknown = handshake.auth['token'];
  if (typeof fromAuth === 'string') return fromAuth;
  const header = handshake.headers.authorization;
  return typeof header === 'string' ? bearer.exec(header)?.[1] : undefined;
}
