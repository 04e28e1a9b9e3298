import { ENTITIES_PATH, type EntitiesResponse } from '../../../src/protocol/index.js';
import type { Network } from './network.js';

/**
 * `GET /api/connections/entities?sessionId=` as a `fetch`: the server builds the answer when the request reaches
 * it and the answer reaches the client a network step later, so it may be older or newer than the live frames.
 */
export function createEntitiesEndpoint(options: {
  network: Network;
  token: string;
  entities: (sessionId: string) => EntitiesResponse;
  /** Asked once per request: true answers it 503. */
  unavailable: () => boolean;
}) {
  const requests = { count: 0, served: 0, inFlight: 0 };
  const fetchEntities = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    requests.count += 1;
    requests.inFlight += 1;
    const url = new URL(input instanceof Request ? input.url : String(input));
    const authorization = new Headers(init?.headers).get('authorization');
    const sessionId = url.searchParams.get('sessionId');
    const signal = init?.signal;
    return new Promise<Response>((resolve, reject) => {
      const abort = () => {
        requests.inFlight -= 1;
        reject(new DOMException('The operation was aborted.', 'AbortError'));
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      options.network.later(`entities request reaches the server`, () => {
        let response: Response;
        if (url.pathname !== ENTITIES_PATH || !sessionId) response = json(404, { error: { code: 'not_found', message: 'Not found.' } });
        else if (authorization !== `Bearer ${options.token}`) response = json(401, { error: { code: 'unauthorized', message: 'A valid bearer token is required.' } });
        else if (options.unavailable()) response = json(503, { error: { code: 'unavailable', message: 'Try again later.' } });
        else {
          requests.served += 1;
          response = json(200, options.entities(sessionId));
        }
        options.network.later(`entities response reaches the client`, () => {
          if (signal?.aborted) return;
          signal?.removeEventListener('abort', abort);
          requests.inFlight -= 1;
          resolve(response);
        });
      });
    });
  };
  return Object.assign(fetchEntities as typeof fetch, { requests });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
