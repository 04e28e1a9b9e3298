import { describe, expect, it } from 'vitest';
import { shortTurnEvents } from '../../test/support/event-factory.js';
import { createFakeSocket } from '../../test/support/fake-socket.js';
import type { ServerEvent } from '../protocol/index.js';
import type { PlatosClientOptions } from './client-options.js';
import { createPlatosClient } from './create-platos-client.js';
import type { RejectReason } from './reject-reason.js';
import type { ThreadUpdate } from './types.js';

async function liveClient(threadIds: string[], overrides: Partial<PlatosClientOptions> = {}) {
  const fake = createFakeSocket();
  const rejected: { frame: unknown; rejection: RejectReason }[] = [];
  const client = createPlatosClient({
    url: 'http://127.0.0.1:4000',
    token: 'dev-token',
    socketFactory: fake.factory,
    onMalformedFrame: (frame, _reason, rejection) => rejected.push({ frame, rejection }),
    ...overrides,
  });
  fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
  const updates = new Map<string, ThreadUpdate[]>();
  for (const threadId of threadIds) {
    updates.set(threadId, []);
    client.threads.watch(threadId, (update) => updates.get(threadId)!.push(update));
  }
  fake.serverConnect();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const delivered = (threadId: string) => updates.get(threadId)!.flatMap((update) => (update.kind === 'event' ? [update.event.id] : []));
  return { fake, client, rejected, delivered };
}

const turnEvents = shortTurnEvents;

const batch = (events: unknown[]) => ({ events });
const handshakeAuth = (options: { auth: (callback: (data: object) => void) => void }) =>
  new Promise<object>((resolve) => options.auth(resolve));

describe('batched frames', () => {
  it('asks for batches in the chat handshake unless batchFrames is false', async () => {
    const asking = await liveClient([]);
    expect(await handshakeAuth(asking.fake.options!)).toEqual({ token: 'dev-token', batch: true });
    const plain = await liveClient([], { batchFrames: false });
    expect(await handshakeAuth(plain.fake.options!)).toEqual({ token: 'dev-token', batch: false });
  });

  it('delivers the events of a batch in order, as if each had come alone', async () => {
    const { fake, client, delivered } = await liveClient(['thread-1']);
    const events = turnEvents('thread-1');
    fake.serverEmit('batch', batch(events.slice(0, 3)));
    fake.serverEmit('batch', batch(events.slice(3)));
    expect(delivered('thread-1')).toEqual(['e1-1', 'e1-2', 'e1-3', 'e1-4']);
    expect(client.getStats()).toMatchObject({ batchedFrames: 2, malformedFrames: 0 });
  });

  it('drops and counts a malformed event of a batch and delivers the others', async () => {
    const { fake, client, rejected, delivered } = await liveClient(['thread-1']);
    const [start, hel, lo, finish] = turnEvents('thread-1');
    const malformed = { ...hel!, seq: 'two' };
    fake.serverEmit('batch', batch([start, malformed, { ...lo, type: 42 }, 'text', hel, lo, finish]));
    expect(delivered('thread-1')).toEqual(['e1-1', 'e1-2', 'e1-3', 'e1-4']);
    expect(client.getStats()).toMatchObject({ batchedFrames: 1, malformedFrames: 3, rejectedFrames: { invalid: 1, 'unknown-event': 2 } });
    expect(rejected.map(({ frame }) => frame)).toEqual([malformed, { ...lo, type: 42 }, 'text']);
  });

  it('counts a malformed batch container once, by reason, and keeps the stream going', async () => {
    const { fake, client, rejected, delivered } = await liveClient(['thread-1'], { limits: { entries: 9 } });
    const events = turnEvents('thread-1');
    fake.serverEmit('batch', batch(events.slice(0, 2)), 'extra');
    fake.serverEmit('batch');
    fake.serverEmit('batch', { events: 'e1-1' });
    fake.serverEmit('batch', events.slice(0, 2));
    fake.serverEmit('batch', null);
    fake.serverEmit('batch', batch([...events, ...events, events[0], events[1]]));
    expect(rejected.map(({ rejection }) => rejection)).toEqual(['bad-arity', 'bad-arity', 'invalid', 'invalid', 'invalid', 'too-many-entries']);
    expect(client.getStats()).toMatchObject({ batchedFrames: 0, malformedFrames: 6 });
    expect(delivered('thread-1')).toEqual([]);
    fake.serverEmit('batch', batch(events.slice(0, 3)));
    expect(delivered('thread-1')).toEqual(['e1-1', 'e1-2', 'e1-3']);
  });

  it('puts the events of a batch through the sequence guard: duplicates dropped, held ones applied in order', async () => {
    const { fake, client, delivered } = await liveClient(['thread-1']);
    const [e1, e2, e3, e4] = turnEvents('thread-1');
    fake.serverEmit('batch', batch([e1, e3, e2, e2, e1, e4]));
    expect(delivered('thread-1')).toEqual(['e1-1', 'e1-2', 'e1-3', 'e1-4']);
    expect(client.getStats()).toMatchObject({ duplicateFrames: 2, outOfOrderFrames: 1, malformedFrames: 0 });
  });

  it('routes the events of two threads in one batch to each thread', async () => {
    const { fake, delivered } = await liveClient(['thread-a', 'thread-b']);
    const a = turnEvents('thread-a');
    const b = turnEvents('thread-b');
    const interleaved: ServerEvent[] = a.flatMap((event, index) => [event, b[index]!]);
    fake.serverEmit('batch', batch(interleaved));
    expect(delivered('thread-a')).toEqual(['e1-1', 'e1-2', 'e1-3', 'e1-4']);
    expect(delivered('thread-b')).toEqual(['e1-1', 'e1-2', 'e1-3', 'e1-4']);
  });

  it('still takes unbatched frames', async () => {
    const { fake, client, delivered } = await liveClient(['thread-1']);
    for (const event of turnEvents('thread-1')) fake.serverEmit(event.type, event);
    expect(delivered('thread-1')).toEqual(['e1-1', 'e1-2', 'e1-3', 'e1-4']);
    expect(client.getStats()).toMatchObject({ batchedFrames: 0, malformedFrames: 0 });
  });
});
