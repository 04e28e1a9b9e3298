import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../src/protocol/index.js';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { echoWithEvents, range, seqsOf } from './testing/fault-test-helpers.js';
import { connectSocket, connected, isFinishOf, okCommand, recordEvents } from './testing/mock-server-harness.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.faults.clear());

/** Records a batching socket's frames: their names and arguments, and the events of its `batch` frames in order. */
function recordBatches(socket: Socket) {
  const frames: { name: string; args: unknown[] }[] = [];
  const events: ServerEvent[] = [];
  const waiters = new Set<() => void>();
  socket.onAny((name: string, ...args: unknown[]) => {
    frames.push({ name, args });
    if (name === 'batch') events.push(...(args[0] as { events: ServerEvent[] }).events);
    for (const waiter of [...waiters]) waiter();
  });
  return {
    frames,
    events,
    waitFor: (predicate: (event: ServerEvent) => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => events.some(predicate) && (waiters.delete(check), resolve(), true);
        if (!check()) waiters.add(check);
      }),
  };
}

async function batchingSocket(threadId: string, lastEventId?: string) {
  const socket = connectSocket(server.url, { auth: { batch: true } });
  const recorder = recordBatches(socket);
  await connected(socket);
  const ack = await okCommand(socket, 'thread:subscribe', lastEventId === undefined ? { threadId } : { threadId, lastEventId });
  return { socket, recorder, ack, eventsAtAck: [...recorder.events] };
}

async function plainSocket(threadId: string) {
  const socket = connectSocket(server.url);
  const recorder = recordEvents(socket);
  await connected(socket);
  await okCommand(socket, 'thread:subscribe', { threadId });
  return { socket, recorder };
}

describe('batched frames', () => {
  it('sends a socket that asked with auth.batch the same events as a plain socket, in order, gathered in batch frames', async () => {
    const batched = await batchingSocket('batch-same');
    const plain = await plainSocket('batch-same');
    const { turnId } = await okCommand(plain.socket, 'message:send', { threadId: 'batch-same', clientMessageId: 'm', text: echoWithEvents(40) });
    await Promise.all([batched.recorder.waitFor(isFinishOf(turnId)), plain.recorder.waitFor(isFinishOf(turnId))]);

    expect(plain.recorder.frames.every(({ name, event }) => name === event.type)).toBe(true);
    expect(batched.recorder.events).toEqual(plain.recorder.events());
    expect(seqsOf(batched.recorder.events)).toEqual(range(1, 40));
    expect(batched.recorder.frames.every(({ name, args }) => name === 'batch' && args.length === 1)).toBe(true);
    expect(batched.recorder.frames.length).toBeLessThan(40);
    batched.socket.disconnect();
    plain.socket.disconnect();
  });

  it('sends a resume its replayed events before the acknowledgement, in batches of at most 500', async () => {
    const first = await batchingSocket('batch-replay');
    const { turnId } = await okCommand(first.socket, 'message:send', { threadId: 'batch-replay', clientMessageId: 'm', text: echoWithEvents(1_201) });
    await first.recorder.waitFor(isFinishOf(turnId));
    first.socket.disconnect();

    const late = await batchingSocket('batch-replay', first.recorder.events[0]!.id);
    expect(late.ack).toMatchObject({ resumed: true, lastEventId: first.recorder.events.at(-1)!.id });
    expect(seqsOf(late.eventsAtAck)).toEqual(range(2, 1_201));
    expect(late.recorder.frames.map(({ args }) => (args[0] as { events: unknown[] }).events.length)).toEqual([500, 500, 200]);
    late.socket.disconnect();
  });

  it('applies frame faults to each event before batching', async () => {
    server.faults.set({ faults: [{ kind: 'duplicate', atEvent: 3 }, { kind: 'swap', atEvent: 5 }, { kind: 'skip', atEvent: 7 }] });
    const batched = await batchingSocket('batch-faults');
    const { turnId } = await okCommand(batched.socket, 'message:send', { threadId: 'batch-faults', clientMessageId: 'm', text: echoWithEvents(9) });
    await batched.recorder.waitFor(isFinishOf(turnId));
    expect(seqsOf(batched.recorder.events)).toEqual([1, 2, 3, 3, 4, 6, 5, 8, 9]);
    expect(server.faults.stats()).toMatchObject({ duplicate: 1, swap: 1, skip: 1, framesSent: 9 });
    batched.socket.disconnect();
  });

  it('sends what it holds before a drop fault cuts the connection', async () => {
    server.faults.set({ faults: [{ kind: 'drop', afterEvents: 6 }] });
    const batched = await batchingSocket('batch-drop');
    const closed = new Promise((resolve) => batched.socket.once('disconnect', resolve));
    await okCommand(batched.socket, 'message:send', { threadId: 'batch-drop', clientMessageId: 'm', text: echoWithEvents(12) });
    await closed;
    expect(seqsOf(batched.recorder.events)).toEqual(range(1, 6));
  });
});
