import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../create-mock-server.js';
import { isFinishOf, okCommand } from '../testing/mock-server-harness.js';
import { echoWithEvents, history, range, seqsOf, subscribedSocket } from '../testing/fault-test-helpers.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.faults.clear());

/** Subscribes one socket to `threadId` and plays an echo turn of `eventCount` events on it. */
async function playTurn(threadId: string, eventCount: number) {
  const { socket, recorder } = await subscribedSocket(server.url, threadId);
  const { turnId } = await okCommand(socket, 'message:send', { threadId, clientMessageId: 'm', text: echoWithEvents(eventCount) });
  await recorder.waitFor(isFinishOf(turnId));
  socket.disconnect();
  return { recorder, turnId };
}

describe('frame faults', () => {
  it('duplicate sends frame N twice', async () => {
    server.faults.set({ faults: [{ kind: 'duplicate', atEvent: 3 }] });
    const { recorder } = await playTurn('dup', 8);
    expect(seqsOf(recorder.events())).toEqual([1, 2, 3, 3, 4, 5, 6, 7, 8]);
    expect(server.faults.stats()).toMatchObject({ duplicate: 1, total: 1, framesSent: 9 });
  });

  it('swap sends frame N right after frame N+1', async () => {
    server.faults.set({ faults: [{ kind: 'swap', atEvent: 4 }] });
    const { recorder } = await playTurn('swap', 8);
    expect(seqsOf(recorder.events())).toEqual([1, 2, 3, 5, 4, 6, 7, 8]);
    expect(server.faults.stats()).toMatchObject({ swap: 1, total: 1, framesSent: 8 });
  });

  it('skip never sends frame N live, but the log keeps it for history and replay', async () => {
    server.faults.set({ faults: [{ kind: 'skip', atEvent: 2 }] });
    const { recorder } = await playTurn('skip', 8);
    expect(seqsOf(recorder.events())).toEqual([1, 3, 4, 5, 6, 7, 8]);
    expect(server.faults.stats()).toMatchObject({ skip: 1, total: 1, framesSent: 7 });
    expect((await history(server.url, 'skip')).lastEventId).toBe(recorder.events().at(-1)?.id);

    const first = recorder.events()[0]!;
    const resumed = await subscribedSocket(server.url, 'skip', first.id);
    expect(resumed.ack.resumed).toBe(true);
    expect(seqsOf(resumed.recorder.events())).toEqual(range(2, 8));
    resumed.socket.disconnect();
  });

  it('counts and affects only the frames of the fault thread', async () => {
    server.faults.set({ faults: [{ kind: 'duplicate', atEvent: 2, threadId: 'only-b' }] });
    const { socket, recorder } = await subscribedSocket(server.url, 'only-a');
    await okCommand(socket, 'thread:subscribe', { threadId: 'only-b' });
    const a = await okCommand(socket, 'message:send', { threadId: 'only-a', clientMessageId: 'm', text: echoWithEvents(5) });
    await recorder.waitFor(isFinishOf(a.turnId));
    const b = await okCommand(socket, 'message:send', { threadId: 'only-b', clientMessageId: 'm', text: echoWithEvents(5) });
    await recorder.waitFor(isFinishOf(b.turnId));
    expect(seqsOf(recorder.events('only-a'))).toEqual([1, 2, 3, 4, 5]);
    expect(seqsOf(recorder.events('only-b'))).toEqual([1, 2, 2, 3, 4, 5]);
    expect(server.faults.stats()).toMatchObject({ duplicate: 1, total: 1, framesSent: 11 });
    socket.disconnect();
  });

  it('fires on as many sockets as `times` allows, in the order they joined', async () => {
    server.faults.set({ faults: [{ kind: 'skip', atEvent: 1, times: 2 }] });
    const watchers = [];
    for (let index = 0; index < 3; index += 1) watchers.push(await subscribedSocket(server.url, 'times'));
    const { turnId } = await okCommand(watchers[0]!.socket, 'message:send', { threadId: 'times', clientMessageId: 'm', text: echoWithEvents(4) });
    await Promise.all(watchers.map((watcher) => watcher.recorder.waitFor(isFinishOf(turnId))));
    expect(watchers.map((watcher) => seqsOf(watcher.recorder.events()))).toEqual([[2, 3, 4], [2, 3, 4], [1, 2, 3, 4]]);
    expect(server.faults.stats()).toMatchObject({ skip: 2, total: 2, framesSent: 10 });
    for (const watcher of watchers) watcher.socket.disconnect();
  });

  it('counts replayed frames like live ones', async () => {
    const { recorder } = await playTurn('replayed', 6);
    server.faults.set({ faults: [{ kind: 'duplicate', atEvent: 2 }] });
    const resumed = await subscribedSocket(server.url, 'replayed', recorder.events()[1]!.id);
    expect(seqsOf(resumed.recorder.events())).toEqual([3, 4, 4, 5, 6]);
    expect(server.faults.stats()).toMatchObject({ duplicate: 1, framesSent: 5 });
    resumed.socket.disconnect();
  });

  it('sends every frame untouched once the schedule is cleared', async () => {
    server.faults.set({ faults: [{ kind: 'skip', atEvent: 1 }] });
    server.faults.clear();
    const { recorder } = await playTurn('cleared', 5);
    expect(seqsOf(recorder.events())).toEqual(range(1, 5));
    expect(server.faults.schedule()).toBeNull();
    expect(server.faults.stats()).toMatchObject({ total: 0, framesSent: 5 });
  });
});
