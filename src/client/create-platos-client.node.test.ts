import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mock-server/create-mock-server.js';
import { EVENT_TYPES, parseEventId, type ServerEvent } from '../protocol/index.js';
import { createPlatosClient } from './create-platos-client.js';
import { emptyClientStats } from './client-stats.js';
import type { PlatosClientOptions } from './client-options.js';
import type { PlatosClient, ThreadUpdate } from './types.js';

type MockServer = Awaited<ReturnType<typeof createMockServer>>;

let server: MockServer;
let shortWindowServer: MockServer;
const clients: PlatosClient[] = [];

beforeAll(async () => {
  server = await createMockServer({ port: 0, tokens: ['test-token'], speed: 50 });
  shortWindowServer = await createMockServer({ port: 0, tokens: ['test-token'], speed: 2, replayWindowMs: 200 });
});
afterAll(async () => {
  clients.forEach((client) => client.close());
  await Promise.all([server.close(), shortWindowServer.close()]);
});

function connect(url = server.url, token = 'test-token', overrides: Partial<PlatosClientOptions> = {}) {
  let socket: Socket | undefined;
  const client = createPlatosClient({
    url,
    token,
    transports: ['websocket'],
    reconnect: { baseMs: 50, capMs: 100 },
    socketFactory: (namespaceUrl, options) => (socket = io(namespaceUrl, options)),
    ...overrides,
  });
  clients.push(client);
  return { client, socket: () => socket! };
}

async function streamTurn(client: PlatosClient, threadId: string, message: string) {
  const events: ServerEvent[] = [];
  for await (const event of client.threads.stream({ threadId, message })) {
    events.push(event);
    if (event.type === 'approval-pending') void client.respondToApproval(event.approvalId, 'approved');
  }
  return events;
}

const seqs = (events: ServerEvent[]) => events.map((event) => parseEventId(event.id)!.seq);
const contiguous = (values: number[]) => values.every((value, index) => index === 0 || value === values[index - 1]! + 1);

describe('client against the mock server', () => {
  it('streams a default turn with all 17 event types, in order, ending at finish', async () => {
    const { client } = connect();
    const events = await streamTurn(client, 'it-default', 'Plan a trip');
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(EVENT_TYPES));
    expect(events.at(-1)?.type).toBe('finish');
    expect(contiguous(seqs(events))).toBe(true);
    expect(client.getStats()).toEqual({ ...emptyClientStats(), batchedFrames: client.getStats().batchedFrames });
  });

  it('gets the same events in batch frames as a client that does not batch, which gets one frame per event', async () => {
    const batched = connect();
    const plain = connect(server.url, 'test-token', { batchFrames: false });
    const frameNames = (socket: Socket) => {
      const names: string[] = [];
      socket.onAny((name: string) => names.push(name));
      return names;
    };
    const batchedNames = frameNames(batched.socket());
    const plainNames = frameNames(plain.socket());
    const plainEvents: ServerEvent[] = [];
    const plainFinished = new Promise<void>((resolve) => {
      plain.client.threads.watch('it-batched', (update) => {
        if (update.kind !== 'event') return;
        plainEvents.push(update.event);
        if (update.event.type === 'finish') resolve();
      });
    });
    const events = await streamTurn(batched.client, 'it-batched', 'Plan a trip');
    await plainFinished;

    expect(plainEvents).toEqual(events);
    expect(new Set(batchedNames)).toEqual(new Set(['batch']));
    expect(batched.client.getStats()).toMatchObject({ batchedFrames: batchedNames.length, malformedFrames: 0 });
    expect(batchedNames.length).toBeLessThan(events.length);
    expect(plainNames).toEqual(plainEvents.map((event) => event.type));
    expect(plain.client.getStats()).toMatchObject({ batchedFrames: 0, malformedFrames: 0 });
  });

  it('multiplexes two threads on one socket without mixing their events', async () => {
    const { client } = connect();
    const [first, second] = await Promise.all([streamTurn(client, 'it-a', 'echo one'), streamTurn(client, 'it-b', 'echo two')]);
    expect(first.every((event) => event.threadId === 'it-a')).toBe(true);
    expect(second.every((event) => event.threadId === 'it-b')).toBe(true);
    expect(seqs(first)[0]).toBe(1);
    expect(seqs(second)[0]).toBe(1);
  });

  it('reports a rejected token as unauthorized', async () => {
    const { client } = connect(server.url, 'wrong-token');
    await new Promise<void>((resolve) => client.connection.subscribe((state) => state === 'unauthorized' && resolve()));
    expect(client.connection.getState()).toBe('unauthorized');
  });

  it('resumes after a short drop: every event delivered exactly once, in order', async () => {
    const { client, socket } = connect();
    const updates: ThreadUpdate[] = [];
    client.threads.watch('it-resume', (update) => updates.push(update));
    const stream = client.threads.stream({ threadId: 'it-resume', message: 'Plan a trip' });
    const events: ServerEvent[] = [];
    let dropped = false;
    for await (const event of stream) {
      events.push(event);
      if (event.type === 'approval-pending') void client.respondToApproval(event.approvalId, 'approved');
      if (!dropped && events.length === 25) {
        dropped = true;
        socket().io.engine.close();
      }
    }
    const delivered = updates.flatMap((update) => (update.kind === 'event' ? [update.event] : []));
    expect(dropped).toBe(true);
    expect(updates.some((update) => update.kind === 'reset')).toBe(false);
    expect(contiguous(seqs(delivered))).toBe(true);
    expect(new Set(delivered.map((event) => event.id)).size).toBe(delivered.length);
    expect(delivered.at(-1)?.type).toBe('finish');
    expect(client.getStats().batchedFrames).toBeGreaterThan(0);
  });

  it('falls back to history after a drop longer than the replay window', async () => {
    // Stays away for about 900 ms, longer than the 200 ms window.
    const awayMs = { reconnect: { baseMs: 900, factor: 1, capMs: 900 }, random: () => 0.999 };
    const { client, socket } = connect(shortWindowServer.url, 'test-token', awayMs);
    const updates: ThreadUpdate[] = [];
    const live = () => new Promise<void>((resolve) => {
      const stop = client.threads.watch('it-resync', (update) => {
        if (update.kind === 'sync' && update.state === 'live') (stop(), resolve());
      });
    });
    client.threads.watch('it-resync', (update) => updates.push(update));
    await live();
    const { turnId } = await client.threads.send('it-resync', 'Plan a trip');
    await new Promise<void>((resolve) => {
      const stop = client.threads.watch('it-resync', (update) => {
        if (update.kind === 'event' && update.event.seq >= 5) (stop(), resolve());
      });
    });
    const resumed = live();
    socket().io.engine.close();
    await resumed;
    const reset = updates.find((update) => update.kind === 'reset');
    expect(reset?.kind === 'reset' && reset.history.messages.map((message) => message.turnId)).toContain(turnId);
    expect(updates.some((update) => update.kind === 'sync' && update.state === 'resyncing')).toBe(true);
    const afterReset = updates.slice(updates.indexOf(reset!) + 1).flatMap((update) => (update.kind === 'event' ? [update.event] : []));
    const resetSeq = parseEventId((reset as Extract<ThreadUpdate, { kind: 'reset' }>).history.lastEventId!)!.seq;
    expect(afterReset.every((event) => event.seq > resetSeq)).toBe(true);
  });
});
