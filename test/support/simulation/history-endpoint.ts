import type { HistoryResponse } from '../../../src/protocol/index.js';
import type { Network } from './network.js';

const historyPath = /^\/api\/threads\/([^/]+)\/messages$/;

/**
 * `GET /api/threads/:threadId/messages` as a `fetch`: the server builds the answer when the request reaches it
 * and the answer reaches the client a network step later, so it may be older or newer than the live stream.
 */
export function createHistoryEndpoint(options: { network: Network; token: string; history: (threadId: string) => HistoryResponse }) {
  const requests = { count: 0 };
  const fetchHistory = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    requests.count += 1;
    const url = new URL(input instanceof Request ? input.url : String(input));
    const authorization = new Headers(init?.headers).get('authorization');
    const signal = init?.signal;
    return new Promise<Response>((resolve, reject) => {
      const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      options.network.later(`history request for ${url.pathname} reaches the server`, () => {
        const match = historyPath.exec(url.pathname);
        const response = !match?.[1]
          ? json(404, { error: { code: 'not_found', message: 'Not found.' } })
          : authorization !== `Bearer ${options.token}`
            ? json(401, { error: { code: 'unauthorized', message: 'A valid bearer token is required.' } })
            : json(200, options.history(decodeURIComponent(match[1])));
        options.network.later(`history response for ${url.pathname} reaches the client`, () => {
          signal?.removeEventListener('abort', abort);
          resolve(response);
        });
      });
    });
  };
  return Object.assign(fetchHistory as typeof fetch, { requests });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
