import type { IncomingMessage, ServerResponse } from 'node:http';
import { threadHistory } from '../src/testing/agent/thread-history.js';
import type { ThreadStore } from '../src/testing/agent/thread-store.js';
import { guardApiRequest } from './api-request-guard.js';
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
    if (guardApiRequest(request, response, options) === 'answered') return;
    const agentId = url.searchParams.get('agentId') || 'default';
    const thread = options.store.thread(agentId, decodeURIComponent(match[1]));
    sendJson(response, 200, threadHistory(thread));
  };
}
