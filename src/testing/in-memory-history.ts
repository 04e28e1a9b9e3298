import { ENTITIES_PATH, type EntitiesResponse, type HistoryResponse } from '../protocol/index.js';
import type { Activity } from './activity.js';

export interface HistorySource {
  history(agentId: string, threadId: string): HistoryResponse;
  /** What the entities endpoint answers for the gateway session (none: no position, no invocations). */
  entities(sessionId: string | null): EntitiesResponse;
  /** False while the server is unreachable: requests fail as a network error would. */
  reachable(): boolean;
  activity: Activity;
}

const historyPath = /^\/api\/threads\/([^/]+)\/messages$/;

/**
 * A `fetch` that answers the history endpoint from the test server's threads and the entities endpoint from its
 * gateway, and anything else with a 404.
 */
export function createHistoryFetch(source: HistorySource): typeof fetch {
  return async (input) => {
    const done = source.activity.start();
    try {
      await Promise.resolve();
      if (!source.reachable()) throw new TypeError('Failed to fetch');
      const url = new URL(typeof input === 'string' ? input : 'href' in input ? input.href : input.url);
      if (url.pathname === ENTITIES_PATH) return json(200, source.entities(url.searchParams.get('sessionId') || null));
      const encodedThreadId = historyPath.exec(url.pathname)?.[1];
      if (encodedThreadId === undefined) return json(404, { error: { code: 'not_found', message: 'Not found.' } });
      const agentId = url.searchParams.get('agentId') || 'default';
      return json(200, source.history(agentId, decodeURIComponent(encodedThreadId)));
    } finally {
      done();
    }
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
