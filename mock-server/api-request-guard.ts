import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowCorsOrigin } from './cors.js';
import { errorBody, sendJson } from './http-json.js';

export interface ApiRequestGuardOptions {
  tokens: ReadonlySet<string>;
  /** Origins whose pages may call the API, the same as for the socket handshake. */
  acceptsOrigin: (origin: string) => boolean;
}

/**
 * What every GET endpoint of the API checks first: CORS for accepted origins, 403 for other origins, the preflight,
 * GET only, and a bearer token from the `Authorization` header (never from the query). Returns the token, or
 * `'answered'` when the response is already sent.
 */
export function guardApiRequest(request: IncomingMessage, response: ServerResponse, options: ApiRequestGuardOptions): { token: string } | 'answered' {
  allowCorsOrigin(request, response, options.acceptsOrigin);
  const origin = request.headers.origin;
  if (origin !== undefined && !options.acceptsOrigin(origin)) {
    sendJson(response, 403, errorBody('forbidden_origin', `Origin ${origin} is not allowed.`));
    return 'answered';
  }
  if (request.method === 'OPTIONS') {
    response.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    response.setHeader('Access-Control-Max-Age', '600');
    response.writeHead(204).end();
    return 'answered';
  }
  if (request.method !== 'GET') {
    sendJson(response, 405, errorBody('method_not_allowed', 'Use GET.'));
    return 'answered';
  }
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token || !options.tokens.has(token)) {
    sendJson(response, 401, errorBody('unauthorized', 'A valid bearer token is required.'));
    return 'answered';
  }
  return { token };
}
