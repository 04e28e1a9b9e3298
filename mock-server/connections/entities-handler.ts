import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENTITIES_PATH, type EntitiesResponse } from '../../src/protocol/index.js';
import { guardApiRequest } from '../api-request-guard.js';
import { sendJson } from '../http-json.js';

export interface EntitiesHandlerOptions {
  tokens: ReadonlySet<string>;
  /** Origins whose pages may call it, the same as for the socket handshake. */
  acceptsOrigin: (origin: string) => boolean;
  /** The token's entities and the session's open invocations; an unknown or missing session has none and no position. */
  entitiesFor(token: string, sessionId: string | null): EntitiesResponse;
}

export const isEntitiesPath = (url: string | undefined) => new URL(url ?? '/', 'http://mock.local').pathname === ENTITIES_PATH;

/** Serves `GET /api/connections/entities?sessionId=...` and its CORS preflight, with the checks of the history endpoint. */
export function createEntitiesHandler(options: EntitiesHandlerOptions) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const guarded = guardApiRequest(request, response, options);
    if (guarded === 'answered') return;
    const sessionId = new URL(request.url ?? '/', 'http://mock.local').searchParams.get('sessionId');
    sendJson(response, 200, options.entitiesFor(guarded.token, sessionId || null));
  };
}
