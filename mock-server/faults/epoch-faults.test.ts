import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../create-mock-server.js';
import { isFinishOf, okCommand } from '../testing/mock-server-harness.js';
import { disconnectReason, echoWithEvents, epochOf, history, range, seqsOf, storedUpTo, subscribedSocket } from '../testing/fault-test-helpers.js';

let clock = 1_000_000;
let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0, replayWindowMs: 5_000, now: () => clock });
});
afterAll(() => server.close());
beforeEach(() => server.faults.clear());

async function finishedThread(threadId: string, eventCount: number) {
  const { socket, recorder } = await subscribedSocket(server.url, threadId);
  const { turnId } = await okCommand(socket, 'message:send', { threadId, clientMessageId: 'm', text: echoWithEvents(eventCount) });
  await recorder.waitFor(isFinishOf(turnId));
  socket.disconnect();
  return recorder.events();
}

describe('restart-epoch', () => {
  it('after frame N renumbers every thread under a new epoch and cuts every socket', async () => {
    const other = await finishedThread('restart-other', 3);
    server.faults.set({ faults: [{ kind: 'restart-epoch', afterEvents: 4 }] });
    const bystander = await subscribedSocket(server.url, 'restart-other');
    const bystanderClosed = disconnectReason(bystander.socket);
    const { socket, recorder } = await subscribedSocket(server.url, 'restart');
    const closed = disconnectReason(socket);
    await okCommand(socket, 'message:send', { threadId: 'restart', clientMessageId: 'm', text: echoWithEvents(7) });
    expect(await closed).toBe('transport close');
    expect(await bystanderClosed).toBe('transport close');
    expect(seqsOf(recorder.events())).toEqual([1, 2, 3, 4]);
    expect(server.faults.stats()).toMatchObject({ 'restart-epoch': 1, total: 1 });

    const oldEpoch = epochOf(recorder.events()[0]!.id);
    const renumbered = await storedUpTo(server.url, 'restart', 7);
    expect(epochOf(renumbered.lastEventId!)).not.toBe(oldEpoch);
    expect(renumbered.lastEventId).toMatch(/-7$/);
    expect(epochOf((await history(server.url, 'restart-other')).lastEventId!)).not.toBe(epochOf(other[0]!.id));

    const stale = await subscribedSocket(server.url, 'restart', recorder.events().at(-1)!.id);
    expect(stale.ack).toEqual({ ok: true, resumed: false, lastEventId: renumbered.lastEventId });
    const fresh = await subscribedSocket(server.url, 'restart', `${epochOf(renumbered.lastEventId!)}-4`);
    expect(fresh.ack.resumed).toBe(true);
    expect(fresh.recorder.events().map((event) => event.id)).toEqual(range(5, 7).map((seq) => `${epochOf(renumbered.lastEventId!)}-${seq}`));
    stale.socket.disconnect();
    fresh.socket.disconnect();
  });

  it('restartEpoch() does it at once', async () => {
    const before = await finishedThread('restart-now', 4);
    const watcher = await subscribedSocket(server.url, 'restart-now');
    const closed = disconnectReason(watcher.socket);
    server.faults.restartEpoch();
    expect(await closed).toBe('transport close');
    const after = await history(server.url, 'restart-now');
    expect(epochOf(after.lastEventId!)).not.toBe(epochOf(before[0]!.id));
    expect(after.lastEventId).toMatch(/-4$/);
    expect(server.faults.stats()).toMatchObject({ 'restart-epoch': 1, total: 1 });
  });
});

describe('replay faults', () => {
  it('replay-from-earlier starts a resumed replay K events before the requested id, once', async () => {
    const events = await finishedThread('earlier', 8);
    server.faults.set({ faults: [{ kind: 'replay-from-earlier', by: 2 }] });
    const overlapping = await subscribedSocket(server.url, 'earlier', events[4]!.id);
    expect(overlapping.ack).toEqual({ ok: true, resumed: true, lastEventId: events[7]!.id });
    expect(seqsOf(overlapping.recorder.events())).toEqual([4, 5, 6, 7, 8]);
    const exact = await subscribedSocket(server.url, 'earlier', events[4]!.id);
    expect(seqsOf(exact.recorder.events())).toEqual([6, 7, 8]);
    expect(server.faults.stats()).toMatchObject({ 'replay-from-earlier': 1, total: 1, framesSent: 8 });
    overlapping.socket.disconnect();
    exact.socket.disconnect();
  });

  it('replay-from-earlier leaves a resume that cannot replay alone', async () => {
    const events = await finishedThread('earlier-unresumed', 4);
    server.faults.set({ faults: [{ kind: 'replay-from-earlier', by: 2 }] });
    const unresumed = await subscribedSocket(server.url, 'earlier-unresumed', 'other-epoch-2');
    expect(unresumed.ack).toEqual({ ok: true, resumed: false, lastEventId: events[3]!.id });
    expect(unresumed.recorder.events()).toEqual([]);
    expect(server.faults.stats()).toMatchObject({ 'replay-from-earlier': 0, total: 0 });
    unresumed.socket.disconnect();
  });

  it('expireReplay() makes the next resume answer resumed:false', async () => {
    const events = await finishedThread('expired', 5);
    server.faults.expireReplay();
    const resumed = await subscribedSocket(server.url, 'expired', events[1]!.id);
    expect(resumed.ack).toEqual({ ok: true, resumed: false, lastEventId: events[4]!.id });
    expect(resumed.recorder.events()).toEqual([]);
    expect(server.faults.stats()).toMatchObject({ 'expire-replay': 1, total: 1 });
    resumed.socket.disconnect();
  });

  it('setReplayWindowMs changes the window for the next subscribe', async () => {
    const events = await finishedThread('window', 5);
    clock += 10_000;
    expect((await subscribedSocket(server.url, 'window', events[1]!.id)).ack.resumed).toBe(false);
    server.faults.setReplayWindowMs(60_000);
    const widened = await subscribedSocket(server.url, 'window', events[1]!.id);
    expect(widened.ack.resumed).toBe(true);
    expect(seqsOf(widened.recorder.events())).toEqual([3, 4, 5]);
    server.faults.setReplayWindowMs(5_000);
    expect((await subscribedSocket(server.url, 'window', events[1]!.id)).ack.resumed).toBe(false);
  });
});
