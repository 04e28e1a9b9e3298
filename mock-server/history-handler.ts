import type { IncomingMessage, ServerResponse } from 'node:http';
import { threadHistory } from '../src/testing/agent/thread-history.js';
import type { ThreadStore } from '../src/testing/agent/thread-store.js';
import { allowCorsOrigin } from './cors.js';
import { sendJson } from './http-json.js';

const historyPath = /^\/api\/threads\/([^/]+)\/messages$/;

export interface HistoryHandlerOptions {
  store: ThreadStore;
  tokens: ReadonlySet<string>;
  /** Origins whose pages may call it, the same as for the socket handshake. */
  acceptsOrigin: (origin: string) => boolean;
}

/**
 * Serves `GET /api/threads/:threadId/messages?agentId=...` and its CORS preflight; anything else is a 404. The token
 * comes from the `Authorization` header only, never from the query. A request from a page on another origin gets a 403.
 */
export function createHistoryHandler(options: HistoryHandlerOptions) {
  return (request: IncomingMessage, response: ServerResponse) => {
    allowCorsOrigin(request, response, options.acceptsOrigin);
    const url = new URL(request.url ?? '/', 'http://mock.local');
    const match = historyPath.exec(url.pathname);
    if (!match?.[1]) return sendJson(response, 404, { error: { code: 'not_found', message: 'Not found.' } });
    const origin = request.headers.origin;
    if (origin !== undefined && !options.acceptsOrigin(origin)) {
      return sendJson(response, 403, { error: { code: 'forbidden_origin', message: `Origin ${origin} is not allowed.` } });
    }
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
      response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      response.setHeader('Access-Control-Max-Age', '600');
      response.writeHead(204).end();
      return;
    }
    if (request.method !== 'GET') return sendJson(response, 405, { error: { code: 'method_not_allowed', message: 'Use GET.' } });
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !options.tokens.has(token)) return sendJson(response, 401, { error: { code: 'unauthorized', message: 'A valid bearer token is required.' } });
    const agentId = url.searchParams.get('agentId') || 'default';
    const thread = options.store.thread(agentId, decodeURIComponent(match[1]));
    sendJson(response, 200, threadHistory(thread));
  };
}
