import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../src/protocol/index.js';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { connectSocket, connected, isFinishOf, okCommand, recordEvents } from './testing/mock-server-harness.js';

let clock = 1_000_000;
let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0, replayWindowMs: 5_000, now: () => clock });
});
afterAll(() => server.close());

/** Runs the default turn up to its approval request and returns the events so far. */
async function turnUpToApproval(threadId: string) {
  const socket = connectSocket(server.url);
  const recorder = recordEvents(socket);
  await connected(socket);
  await okCommand(socket, 'thread:subscribe', { threadId });
  const { turnId } = await okCommand(socket, 'message:send', { threadId, clientMessageId: 'm', text: 'hello' });
  const pending = await recorder.waitFor((event) => event.type === 'approval-pending');
  return { socket, recorder, turnId, pending: pending as Extract<ServerEvent, { type: 'approval-pending' }> };
}

describe('replay on thread:subscribe', () => {
  it('replays exactly the missed events in order inside the window, then goes live', async () => {
    const first = await turnUpToApproval('replay-in');
    const seen = first.recorder.events();
    const resumePoint = seen[9]!;

    const late = connectSocket(server.url);
    const lateRecorder = recordEvents(late);
    await connected(late);
    clock += 4_000;
    const ack = await okCommand(late, 'thread:subscribe', { threadId: 'replay-in', lastEventId: resumePoint.id });
    expect(ack).toEqual({ ok: true, resumed: true, lastEventId: first.pending.id });
    expect(lateRecorder.events().map((event) => event.id)).toEqual(seen.slice(10).map((event) => event.id));

    await okCommand(first.socket, 'approval:respond', { approvalId: first.pending.approvalId, decision: 'approved' });
    await lateRecorder.waitFor(isFinishOf(first.turnId));
    const lateSeqs = lateRecorder.events().map((event) => event.seq);
    expect(lateSeqs).toEqual(lateSeqs.map((_, index) => resumePoint.seq + 1 + index));
    expect(lateRecorder.events().at(-1)?.type).toBe('finish');
    first.socket.disconnect();
    late.disconnect();
  });

  it('answers resumed:false once a missed event left the window', async () => {
    const first = await turnUpToApproval('replay-out');
    const resumePoint = first.recorder.events()[9]!;
    clock += 5_001;
    const ack = await okCommand(first.socket, 'thread:subscribe', { threadId: 'replay-out', lastEventId: resumePoint.id });
    expect(ack).toEqual({ ok: true, resumed: false, lastEventId: first.pending.id });
    expect(first.recorder.events().at(-1)?.id).toBe(first.pending.id);
    await okCommand(first.socket, 'approval:respond', { approvalId: first.pending.approvalId, decision: 'approved' });
    await first.recorder.waitFor(isFinishOf(first.turnId));
    first.socket.disconnect();
  });

  it('answers resumed:false for an unknown epoch or a seq beyond the end', async () => {
    const first = await turnUpToApproval('replay-epoch');
    const lastSeq = first.pending.seq;
    const epoch = first.pending.id.slice(0, first.pending.id.lastIndexOf('-'));
    for (const lastEventId of ['someotherepoch-3', `${epoch}-${lastSeq + 1}`, 'garbage']) {
      const ack = await okCommand(first.socket, 'thread:subscribe', { threadId: 'replay-epoch', lastEventId });
      expect(ack).toEqual({ ok: true, resumed: false, lastEventId: first.pending.id });
    }
    expect(first.recorder.events().at(-1)?.id).toBe(first.pending.id);
    const upToDate = await okCommand(first.socket, 'thread:subscribe', { threadId: 'replay-epoch', lastEventId: first.pending.id });
    expect(upToDate).toEqual({ ok: true, resumed: true, lastEventId: first.pending.id });
    await okCommand(first.socket, 'approval:respond', { approvalId: first.pending.approvalId, decision: 'approved' });
    await first.recorder.waitFor(isFinishOf(first.turnId));
    first.socket.disconnect();
  });
});
