import { delay, http, HttpResponse } from 'msw';
import { threadHistory } from '../../src/testing/agent/thread-history.js';
import type { MockWorld } from './mock-world.js';

export interface MockHistoryOptions {
  baseUrl: string;
  world(): MockWorld;
  tokens: ReadonlySet<string>;
}

/** `GET /api/threads/:threadId/messages?agentId=...`, answered by the service worker from the mock's event log. */
export function mockHistoryHandler({ baseUrl, world, tokens }: MockHistoryOptions) {
  return http.get(`${baseUrl}/api/threads/:threadId/messages`, async ({ request, params }) => {
    const { historyMs } = world().delays;
    if (historyMs > 0) await delay(historyMs);
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!token || !tokens.has(token)) {
      return HttpResponse.json({ error: { code: 'unauthorized', message: 'A valid bearer token is required.' } }, { status: 401 });
    }
    const agentId = new URL(request.url).searchParams.get('agentId') || 'default';
    const thread = world().store.thread(agentId, String(params['threadId']));
    return HttpResponse.json(threadHistory(thread), { headers: { 'Cache-Control': 'no-store' } });
  });
}
