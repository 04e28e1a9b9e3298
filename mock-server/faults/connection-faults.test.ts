import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../src/protocol/index.js';
import { createMockServer, type MockServer } from '../create-mock-server.js';
import { command, connectSocket, connected, okCommand, recordEvents } from '../testing/mock-server-harness.js';
import { disconnectReason, echoWithEvents, range, seqsOf, storedUpTo, subscribedSocket } from '../testing/fault-test-helpers.js';
import { drawDropPoints, mulberry32 } from './seeded-random.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.faults.clear());

const pingAnswered = (socket: ReturnType<typeof connectSocket>) =>
  socket
    .timeout(300)
    .emitWithAck('connection:ping', {})
    .then(
      () => true,
      () => false,
    );

describe('drop', () => {
  it('afterEvents cuts the transport right after frame N; the turn goes on and a resume replays the rest', async () => {
    server.faults.set({ faults: [{ kind: 'drop', afterEvents: 5 }] });
    const { socket, recorder } = await subscribedSocket(server.url, 'drop');
    const closed = disconnectReason(socket);
    await okCommand(socket, 'message:send', { threadId: 'drop', clientMessageId: 'm', text: echoWithEvents(9) });
    expect(await closed).toBe('transport close');
    expect(seqsOf(recorder.events())).toEqual(range(1, 5));
    expect(server.faults.stats()).toMatchObject({ drop: 1, total: 1, framesSent: 5 });

    await storedUpTo(server.url, 'drop', 9);
    const resumed = await subscribedSocket(server.url, 'drop', recorder.events().at(-1)!.id);
    expect(resumed.ack.resumed).toBe(true);
    expect(seqsOf(resumed.recorder.events())).toEqual(range(6, 9));
    expect(server.faults.stats()).toMatchObject({ drop: 1, total: 1, framesSent: 9 });
    resumed.socket.disconnect();
  });

  it('atMs cuts a socket that long after it connected', async () => {
    server.faults.set({ faults: [{ kind: 'drop', atMs: 50 }] });
    const socket = connectSocket(server.url);
    const closed = disconnectReason(socket);
    await connected(socket);
    expect(await closed).toBe('transport close');
    expect(server.faults.stats()).toMatchObject({ drop: 1, total: 1, framesSent: 0 });
  });
});

describe('half-open', () => {
  it('after frame N sends nothing more, acknowledges nothing and ignores commands, but stays connected', async () => {
    server.faults.set({ faults: [{ kind: 'half-open', afterEvents: 3 }] });
    const { socket, recorder } = await subscribedSocket(server.url, 'half');
    await okCommand(socket, 'message:send', { threadId: 'half', clientMessageId: 'm', text: echoWithEvents(8) });
    await storedUpTo(server.url, 'half', 8);
    expect(await pingAnswered(socket)).toBe(false);
    await expect(socket.timeout(300).emitWithAck('message:send', { threadId: 'half', clientMessageId: 'n', text: 'echo x' })).rejects.toThrow();
    expect(socket.connected).toBe(true);
    expect(seqsOf(recorder.events())).toEqual([1, 2, 3]);
    expect((await storedUpTo(server.url, 'half', 8)).lastEventId).toMatch(/-8$/);
    expect(server.faults.stats()).toMatchObject({ 'half-open': 1, total: 1, framesSent: 3 });
    socket.disconnect();
  });

  it('without afterEvents or atMs is half-open from the start', async () => {
    server.faults.set({ faults: [{ kind: 'half-open' }] });
    const socket = connectSocket(server.url);
    await connected(socket);
    expect(await pingAnswered(socket)).toBe(false);
    expect(socket.connected).toBe(true);
    socket.disconnect();
    const healthy = connectSocket(server.url);
    await connected(healthy);
    expect(await command(healthy, 'connection:ping', {})).toMatchObject({ ok: true });
    expect(server.faults.stats()).toMatchObject({ 'half-open': 1, total: 1 });
    healthy.disconnect();
  });
});

/** Follows a turn the way a client does: after each drop it reconnects and resumes from the last frame it got. */
async function followThroughDrops(target: MockServer, threadId: string, eventCount: number) {
  const framesPerSocket: number[] = [];
  let lastEvent: ServerEvent | undefined;
  for (;;) {
    const socket = connectSocket(target.url);
    const recorder = recordEvents(socket);
    await connected(socket);
    const closed = disconnectReason(socket);
    const ended = recorder.waitFor((event) => event.type === 'finish');
    void command(socket, 'thread:subscribe', lastEvent ? { threadId, lastEventId: lastEvent.id } : { threadId }).catch(() => {});
    if (!lastEvent) void command(socket, 'message:send', { threadId, clientMessageId: 'm', text: echoWithEvents(eventCount) }).catch(() => {});
    const outcome = await Promise.race([closed, ended.then(() => 'finished')]);
    framesPerSocket.push(recorder.frames.length);
    lastEvent = recorder.events().at(-1) ?? lastEvent;
    socket.disconnect();
    if (outcome === 'finished') return { framesPerSocket, lastSeq: lastEvent?.seq };
    expect(outcome).toBe('transport close');
  }
}

describe('random-drops', () => {
  const fault = { kind: 'random-drops' as const, count: 3, minEvents: 2, maxEvents: 6 };

  it('cuts `count` times, each after a seeded number of frames per socket', async () => {
    server.faults.set({ seed: 7, faults: [fault] });
    const expectedPoints = drawDropPoints(mulberry32(7), fault);
    const { framesPerSocket, lastSeq } = await followThroughDrops(server, 'random', 30);
    expect(framesPerSocket.slice(0, 3)).toEqual(expectedPoints);
    expect(framesPerSocket).toHaveLength(4);
    expect(lastSeq).toBe(30);
    expect(server.faults.stats()).toMatchObject({ 'random-drops': 3, total: 3 });
    expect(server.faults.stats().framesSent).toBe(framesPerSocket.reduce((sum, frames) => sum + frames, 0));
  });

  it('drops at the same points with the same seed, on another server too', async () => {
    const other = await createMockServer({ tokens: ['test-token'], speed: 0, faults: { seed: 42, faults: [fault] } });
    server.faults.set({ seed: 42, faults: [fault] });
    const here = await followThroughDrops(server, 'seeded', 30);
    const there = await followThroughDrops(other, 'seeded', 30);
    expect(here.framesPerSocket).toEqual(there.framesPerSocket);
    expect(here.framesPerSocket.slice(0, 3)).toEqual(drawDropPoints(mulberry32(42), fault));
    await other.close();
  });

  it('a socket that gets no frames takes no drop point', async () => {
    server.faults.set({ seed: 3, faults: [{ kind: 'random-drops', count: 1, minEvents: 4, maxEvents: 4 }] });
    const idle = connectSocket(server.url);
    await connected(idle);
    const { socket, recorder } = await subscribedSocket(server.url, 'idle-other');
    const closed = disconnectReason(socket);
    await okCommand(socket, 'message:send', { threadId: 'idle-other', clientMessageId: 'm', text: echoWithEvents(6) });
    expect(await closed).toBe('transport close');
    expect(seqsOf(recorder.events())).toEqual([1, 2, 3, 4]);
    expect(idle.connected).toBe(true);
    expect(server.faults.stats()).toMatchObject({ 'random-drops': 1, total: 1 });
    idle.disconnect();
  });
});
