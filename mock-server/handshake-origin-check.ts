import type { IncomingMessage } from 'node:http';

/**
 * Socket.IO's `allowRequest`: refuses a handshake whose `Origin` the server does not accept, so a page on a
 * foreign site cannot open a socket with a token it got hold of (the `cors` option does not cover WebSocket
 * upgrades). A handshake without `Origin` passes: browsers always send it on WebSocket upgrades and on
 * cross-origin requests, so only non-browser clients (Node, tests) omit it, and those can send any `Origin` they
 * like anyway; the token is what guards against them.
 */
export function createHandshakeOriginCheck(accepts: (origin: string) => boolean) {
  return (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
    const origin = request.headers.origin;
    const allowed = origin === undefined || accepts(origin);
    callback(allowed ? null : `origin ${origin} is not allowed`, allowed);
  };
}
