import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { BATCH_MAX_EVENTS, startLoadServer, type LoadServer } from './load-server.js';
import { threadIdOf, tokensOf } from './workload.js';

// The load server's side of batched frames: same events, in order, in `batch` packets of at most 500, and a
// pending batch always goes out before an acknowledgement.

let server: LoadServer;
beforeAll(async () => {
  server = await startLoadServer({ staticDir: import.meta.dirname });
});
afterAll(() => server.close());

async function connect(batch: boolean, threadIds: string[]) {
  const socket = io(server.url, { path: '/streaming', transports: ['websocket'], auth: batch ? { token: 'bench-token', batch: true } : { token: 'bench-token' } });
  const packets: { name: string; events: { type: string; seq: number; ts: number; threadId: string; delta?: string }[] }[] = [];
  socket.onAny((name: string, payload: { events?: never[] }) => packets.push({ name, events: name === 'batch' ? payload.events! : [payload as never] }));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  for (const threadId of threadIds) await socket.emitWithAck('thread:subscribe', { threadId });
  return { socket, packets };
}

async function until(condition: () => boolean) {
  const deadline = Date.now() + 10_000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

const workload = { name: 'W2' as const, threads: 2, tokensPerSecond: 2_000, durationMs: 500 };

describe('load server', () => {
  it.each([false, true])('delivers every token in order (batched: %s)', async (batch) => {
    const runId = `test-${batch}`;
    const threadIds = [threadIdOf(runId, 0), threadIdOf(runId, 1)];
    const { socket, packets } = await connect(batch, threadIds);
    await server.start(runId, workload);
    await until(() => packets.flatMap((packet) => packet.events).filter((event) => event.type === 'finish').length === 2);
    const events = packets.flatMap((packet) => packet.events);
    for (const [thread, threadId] of threadIds.entries()) {
      const mine = events.filter((event) => event.threadId === threadId);
      expect(mine.map((event) => event.seq)).toEqual(Array.from({ length: 1_002 }, (_, index) => index + 1));
      expect(mine.filter((event) => event.type === 'text-delta').map((event) => event.delta)).toEqual(tokensOf(thread, 1_000));
    }
    if (batch) {
      expect(packets.every((packet) => packet.name === 'batch')).toBe(true);
      expect(packets.length).toBeLessThan(200);
      expect(Math.max(...packets.map((packet) => packet.events.length))).toBeLessThanOrEqual(BATCH_MAX_EVENTS);
    } else {
      expect(packets.some((packet) => packet.name === 'batch')).toBe(false);
    }
    socket.close();
  });

  it('flushes the pending batch before an acknowledgement', async () => {
    const runId = 'test-ack';
    const { socket, packets } = await connect(true, [threadIdOf(runId, 0)]);
    const received = () => packets.flatMap((packet) => packet.events);
    const streaming = server.start(runId, { ...workload, threads: 1, durationMs: 400 });
    const acks: { ts: number; receivedBefore: number }[] = [];
    for (let ping = 0; ping < 8; ping += 1) {
      await new Promise((resolve) => setTimeout(resolve, 37));
      const reply = (await socket.emitWithAck('connection:ping', {})) as { ts: number };
      acks.push({ ts: reply.ts, receivedBefore: received().length });
    }
    await streaming;
    await until(() => received().some((event) => event.type === 'finish'));
    const all = received();
    // Whatever the server had queued before it answered (an earlier ts) reached the client before the answer.
    for (const ack of acks) {
      const queuedBefore = all.filter((event) => event.ts < ack.ts).length;
      expect(queuedBefore).toBeLessThanOrEqual(ack.receivedBefore);
    }
    expect(acks.some((ack) => ack.receivedBefore > 0 && ack.receivedBefore < all.length)).toBe(true);
    socket.close();
  });
});
