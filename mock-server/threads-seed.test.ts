import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResponse } from '../src/protocol/index.js';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { seededAssistantText, seededUserText } from './seed-thread.js';
import { connectSocket, connected, isFinishOf, okCommand, recordEvents } from './testing/mock-server-harness.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0 });
});
afterAll(() => server.close());

const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  return { status: response.status, headers: response.headers, json: (await response.json().catch(() => null)) as unknown };
};

const history = async (threadId: string, agentId = 'default') => {
  const response = await fetch(`${server.url}/api/threads/${threadId}/messages?agentId=${agentId}`, { headers: { Authorization: 'Bearer test-token' } });
  return (await response.json()) as HistoryResponse;
};

const messageText = (message: HistoryResponse['messages'][number]) =>
  message.role === 'user' ? message.text : message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');

describe('POST /__threads/seed', () => {
  it('fills a thread with N finished turns: 2N messages in the history, in order', async () => {
    const seeded = await post('/__threads/seed', JSON.stringify({ threadId: 'seeded-250', turns: 250 }));
    expect(seeded).toMatchObject({ status: 200, json: { agentId: 'default', threadId: 'seeded-250', messages: 500, lastEventId: expect.any(String) as unknown } });
    const { messages } = await history('seeded-250');
    expect(messages).toHaveLength(500);
    expect(messages.filter((message) => message.role === 'assistant' && message.status !== 'finished')).toEqual([]);
    expect(messages.slice(0, 2).map((message) => [message.role, messageText(message)])).toEqual([
      ['user', seededUserText(1)],
      ['assistant', seededAssistantText(1)],
    ]);
    expect(messages.slice(-2).map((message) => [message.role, messageText(message)])).toEqual([
      ['user', seededUserText(250)],
      ['assistant', seededAssistantText(250)],
    ]);
  });

  it('leaves a thread that resumes from its last event and plays the next message as its next turn', async () => {
    const seeded = (await post('/__threads/seed', JSON.stringify({ threadId: 'seeded-live', turns: 3 }))).json as { lastEventId: string };
    const socket = connectSocket(server.url);
    await connected(socket);
    const events = recordEvents(socket);
    expect(await okCommand(socket, 'thread:subscribe', { threadId: 'seeded-live', lastEventId: seeded.lastEventId })).toMatchObject({
      resumed: true,
      lastEventId: seeded.lastEventId,
    });
    const { turnId } = await okCommand(socket, 'message:send', { threadId: 'seeded-live', text: 'echo after the seed', clientMessageId: 'after-seed' });
    await events.waitFor(isFinishOf(turnId));
    const { messages } = await history('seeded-live');
    expect(messages.map(messageText).slice(-2)).toEqual(['echo after the seed', 'echo after the seed']);
    expect(messages).toHaveLength(8);
    socket.disconnect();
  });

  it('seeds the agent it names only', async () => {
    expect(await post('/__threads/seed', JSON.stringify({ threadId: 'seeded-agent', turns: 1, agentId: 'helper' }))).toMatchObject({ status: 200 });
    expect((await history('seeded-agent', 'helper')).messages).toHaveLength(2);
    expect((await history('seeded-agent')).messages).toHaveLength(0);
  });

  it('refuses a thread with events, bad bodies, other routes and foreign origins', async () => {
    expect(await post('/__threads/seed', JSON.stringify({ threadId: 'seeded-twice', turns: 1 }))).toMatchObject({ status: 200 });
    expect(await post('/__threads/seed', JSON.stringify({ threadId: 'seeded-twice', turns: 1 }))).toMatchObject({
      status: 409,
      json: { error: { code: 'thread_not_empty' } },
    });
    expect((await history('seeded-twice')).messages).toHaveLength(2);
    expect(await post('/__threads/seed', '{')).toMatchObject({ status: 400, json: { error: { code: 'invalid_json' } } });
    for (const body of [{ threadId: 'x', turns: 0 }, { threadId: 'x', turns: 1.5 }, { threadId: '', turns: 1 }, { threadId: 'x', turns: 1, extra: true }]) {
      expect(await post('/__threads/seed', JSON.stringify(body))).toMatchObject({ status: 400, json: { error: { code: 'invalid_request' } } });
    }
    expect(await post('/__threads/wipe', JSON.stringify({ threadId: 'x', turns: 1 }))).toMatchObject({ status: 404 });
    const foreign = await post('/__threads/seed', JSON.stringify({ threadId: 'foreign', turns: 1 }), { Origin: 'https://evil.example' });
    expect(foreign).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect((await history('foreign')).messages).toHaveLength(0);
  });
});
