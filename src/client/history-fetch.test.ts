import { describe, expect, it } from 'vitest';
import type { HistoryResponse } from '../protocol/index.js';
import { defaultFrameLimits } from '../protocol/index.js';
import { fetchHistory } from './history-fetch.js';

const history: HistoryResponse = {
  threadId: 'thread-1',
  lastEventId: 'e1-4',
  messages: [
    { id: 'u1', role: 'user', turnId: 't1', text: 'hi' },
    { id: 'a1', role: 'assistant', turnId: 't1', status: 'finished', parts: [{ type: 'text', text: 'Hello' }] },
  ],
};

function fetchFrom(body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return (async () => new Response(body, { status: 200, headers })) as unknown as typeof fetch;
}

const load = (body: string | ReadableStream<Uint8Array>, options: { headers?: Record<string, string>; historyBytes?: number } = {}) =>
  fetchHistory({
    baseUrl: 'http://127.0.0.1:4000',
    agentId: 'default',
    threadId: 'thread-1',
    token: 't',
    fetch: fetchFrom(body, options.headers),
    limits: { ...defaultFrameLimits, historyBytes: options.historyBytes ?? defaultFrameLimits.historyBytes },
  });

/** A body that would never end, so only a reader that stops at the limit returns. */
function endlessBody() {
  const chunk = new TextEncoder().encode('x'.repeat(1024));
  return new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(chunk) });
}

describe('fetchHistory', () => {
  it('returns a valid history as it came', async () => {
    await expect(load(JSON.stringify(history))).resolves.toEqual(history);
  });

  it.each([
    ['a body that is not JSON', 'not json', /is malformed: invalid: the body is not JSON/],
    ['a message part of an unknown kind', JSON.stringify({ ...history, messages: [{ ...history.messages[1], parts: [{ type: 'x' }] }] }), /invalid: messages\.0\.parts\.0\.type/],
    ['a reserved id', JSON.stringify({ ...history, messages: [{ ...history.messages[0], id: 'toString' }] }), /messages\.0\.id: "toString" is reserved/],
    ['the history of another thread', JSON.stringify({ ...history, threadId: 'thread-2' }), /another thread/],
    ['nesting past the depth', JSON.stringify({ ...history, deep: JSON.parse('['.repeat(80) + ']'.repeat(80)) }), /too-deep: deep\./],
  ])('rejects %s as history_malformed, saying why', async (_name, body, message) => {
    const error = await load(body).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'history_malformed' });
    expect((error as Error).message).toMatch(message);
  });

  it('refuses a body declared larger than the limit without reading it', async () => {
    const body = JSON.stringify(history);
    await expect(load(body, { historyBytes: 100, headers: { 'content-length': String(body.length) } })).rejects.toMatchObject({
      code: 'history_malformed',
      message: expect.stringContaining('too-large'),
    });
  });

  it('stops reading a body that grows past the limit', async () => {
    await expect(load(endlessBody(), { historyBytes: 64 * 1024 })).rejects.toMatchObject({
      code: 'history_malformed',
      message: 'History response is malformed: too-large: the body is over 65536 bytes',
    });
  });

  it('leaves prototype keys out of the history', async () => {
    const body = JSON.stringify(history).replace('"text":"hi"', '"text":"hi","__proto__":{"polluted":true}');
    const loaded = await load(body);
    expect(loaded).toEqual(history);
    expect(Object.getPrototypeOf(loaded.messages[0])).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
