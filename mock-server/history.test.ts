import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResponse } from '../src/protocol/index.js';
import { applyEvent } from '../src/store/view/apply-event.js';
import { createThreadView } from '../src/store/view/create-thread-view.js';
import { viewToHistory } from '../src/store/view/history.js';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { connectSocket, connected, isFinishOf, okCommand, recordEvents } from './testing/mock-server-harness.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0 });
});
afterAll(() => server.close());

const historyUrl = (threadId: string, agentId?: string) =>
  `${server.url}/api/threads/${encodeURIComponent(threadId)}/messages${agentId ? `?agentId=${agentId}` : ''}`;

describe('GET /api/threads/:threadId/messages', () => {
  it('returns the fold of every event of the thread', async () => {
    const socket = connectSocket(server.url);
    const recorder = recordEvents(socket);
    await connected(socket);
    await okCommand(socket, 'thread:subscribe', { threadId: 'history' });
    for (const [clientMessageId, text] of [['a', 'tools please'], ['b', 'echo done']] as const) {
      const { turnId } = await okCommand(socket, 'message:send', { threadId: 'history', clientMessageId, text });
      await recorder.waitFor(isFinishOf(turnId));
    }
    const response = await fetch(historyUrl('history'), { headers: { Authorization: 'Bearer test-token' } });
    expect(response.status).toBe(200);
    const history = (await response.json()) as HistoryResponse;
    const expected = viewToHistory(recorder.events().reduce(applyEvent, createThreadView('history')));
    expect(history).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(history.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(history.lastEventId).toBe(recorder.events().at(-1)?.id);
    socket.disconnect();
  });

  it('is empty for a thread without events and separate per agent', async () => {
    const response = await fetch(historyUrl('history', 'someone-else'), { headers: { Authorization: 'Bearer test-token' } });
    expect(await response.json()).toEqual({ threadId: 'history', messages: [], lastEventId: null });
  });

  it('answers 401 without a valid bearer token', async () => {
    expect((await fetch(historyUrl('history'))).status).toBe(401);
    const wrong = await fetch(historyUrl('history'), { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('answers the CORS preflight of a localhost origin only', async () => {
    const preflight = (origin: string) =>
      fetch(historyUrl('history'), { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Headers': 'authorization' } });
    const local = await preflight('http://localhost:5173');
    expect(local.status).toBe(204);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(local.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
