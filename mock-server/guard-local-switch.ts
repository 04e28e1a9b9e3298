import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowCorsOrigin, isLocalOrigin } from './cors.js';
import { errorBody, sendJson } from './http-json.js';

const loopbackAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export interface LocalSwitch {
  /** Names the switch in the `403` message, e.g. "The fault switch". */
  name: string;
  /** Methods named in the preflight answer, besides OPTIONS. */
  methods: string;
}

/**
 * Guards a test switch (`/__faults`, `/__tokens`), which takes no token: answers `403` unless the caller is on this
 * machine and its `Origin`, if any, is a local one; gives local origins CORS headers and answers their preflight.
 */
export function guardLocalSwitch(request: IncomingMessage, response: ServerResponse, localSwitch: LocalSwitch): 'answered' | 'proceed' {
  allowCorsOrigin(request, response, isLocalOrigin);
  const origin = request.headers.origin;
  if (!loopbackAddresses.has(request.socket.remoteAddress ?? '') || (origin !== undefined && !isLocalOrigin(origin))) {
    sendJson(response, 403, errorBody('forbidden', `${localSwitch.name} answers local callers only.`));
    return 'answered';
  }
  if (request.method === 'OPTIONS') {
    response.setHeader('Access-Control-Allow-Methods', `${localSwitch.methods}, OPTIONS`);
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    response.setHeader('Access-Control-Max-Age', '600');
    response.writeHead(204).end();
    return 'answered';
  }
  return 'proceed';
}
