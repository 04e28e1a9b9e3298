import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { command, connectSocket, connected, isFinishOf, okCommand, recordEvents } from './testing/mock-server-harness.js';

let server: MockServer;
let slowServer: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0 });
  slowServer = await createMockServer({ tokens: ['test-token'], speed: 1 });
});
afterAll(() => Promise.all([server.close(), slowServer.close()]));

async function subscribedSocket(url: string, threadId: string) {
  const socket = connectSocket(url);
  const recorder = recordEvents(socket);
  await connected(socket);
  await okCommand(socket, 'thread:subscribe', { threadId });
  return { socket, recorder };
}

describe('commands', () => {
  it('message:send is idempotent per clientMessageId', async () => {
    const { socket, recorder } = await subscribedSocket(server.url, 'idem');
    const first = await okCommand(socket, 'message:send', { threadId: 'idem', clientMessageId: 'same', text: 'echo hi' });
    const repeat = await okCommand(socket, 'message:send', { threadId: 'idem', clientMessageId: 'same', text: 'echo hi' });
    expect(repeat.turnId).toBe(first.turnId);
    await recorder.waitFor(isFinishOf(first.turnId));
    const other = await okCommand(socket, 'message:send', { threadId: 'idem', clientMessageId: 'other', text: 'echo hi' });
    await recorder.waitFor(isFinishOf(other.turnId));
    const turnStarts = recorder.events().filter((event) => event.type === 'turn-start');
    expect(turnStarts.map((event) => event.turnId)).toEqual([first.turnId, other.turnId]);
    socket.disconnect();
  });

  it('approval:respond is idempotent per approvalId and rejects a conflicting or unknown decision', async () => {
    const { socket, recorder } = await subscribedSocket(server.url, 'approval');
    const { turnId } = await okCommand(socket, 'message:send', { threadId: 'approval', clientMessageId: 'a', text: 'approve please' });
    const pending = await recorder.waitFor((event) => event.type === 'approval-pending');
    if (pending.type !== 'approval-pending') throw new Error('expected approval-pending');
    const respond = (decision: 'approved' | 'denied') => command(socket, 'approval:respond', { approvalId: pending.approvalId, decision });
    expect(await respond('denied')).toEqual({ ok: true });
    expect(await respond('denied')).toEqual({ ok: true });
    expect(await respond('approved')).toMatchObject({ ok: false, error: { code: 'approval_already_resolved' } });
    expect(await command(socket, 'approval:respond', { approvalId: 'nope', decision: 'approved' })).toMatchObject({
      ok: false,
      error: { code: 'approval_not_found' },
    });
    await recorder.waitFor(isFinishOf(turnId));
    const resolved = recorder.events().filter((event) => event.type === 'approval-resolved');
    expect(resolved).toEqual([expect.objectContaining({ decision: 'denied', approvalId: pending.approvalId })]);
    const text = recorder.events().flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');
    expect(text).toContain('nothing was deleted (denied)');
    socket.disconnect();
  });

  it('turn:cancel ends a waiting turn: the approval is cancelled and the turn finishes as cancelled', async () => {
    const { socket, recorder } = await subscribedSocket(server.url, 'cancel-wait');
    const { turnId } = await okCommand(socket, 'message:send', { threadId: 'cancel-wait', clientMessageId: 'a', text: 'approve this' });
    await recorder.waitFor((event) => event.type === 'approval-pending');
    expect(await command(socket, 'turn:cancel', { threadId: 'cancel-wait', turnId })).toEqual({ ok: true });
    await recorder.waitFor(isFinishOf(turnId));
    expect(recorder.events().slice(-2)).toMatchObject([
      { type: 'approval-resolved', decision: 'cancelled' },
      { type: 'finish', finishReason: 'cancelled' },
    ]);
    socket.disconnect();
  });

  it('turn:cancel stops a streaming turn early and cancels its open run', async () => {
    const { socket, recorder } = await subscribedSocket(slowServer.url, 'cancel-run');
    const { turnId } = await okCommand(socket, 'message:send', { threadId: 'cancel-run', clientMessageId: 'a', text: 'run an export' });
    await recorder.waitFor((event) => event.type === 'run-update' && event.status === 'running');
    await okCommand(socket, 'turn:cancel', { threadId: 'cancel-run', turnId });
    await recorder.waitFor(isFinishOf(turnId));
    const runUpdates = recorder.events().filter((event) => event.type === 'run-update');
    expect(runUpdates.at(-1)).toMatchObject({ status: 'cancelled' });
    expect(runUpdates.some((event) => event.type === 'run-update' && event.status === 'succeeded')).toBe(false);
    expect(recorder.events().at(-1)).toMatchObject({ type: 'finish', finishReason: 'cancelled' });
    expect(await command(socket, 'turn:cancel', { threadId: 'cancel-run', turnId: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'turn_not_found' },
    });
    socket.disconnect();
  });

  it('a non-retryable error ends the turn with finish "error"', async () => {
    const { socket, recorder } = await subscribedSocket(server.url, 'failing');
    const { turnId } = await okCommand(socket, 'message:send', { threadId: 'failing', clientMessageId: 'a', text: 'Fail now' });
    await recorder.waitFor(isFinishOf(turnId));
    expect(recorder.events().slice(-2)).toMatchObject([
      { type: 'error', retryable: false },
      { type: 'finish', finishReason: 'error' },
    ]);
    socket.disconnect();
  });

  it('answers invalid requests and unknown commands with an error code', async () => {
    const socket = connectSocket(server.url);
    await connected(socket);
    expect(await socket.emitWithAck('message:send', { threadId: 't' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await socket.emitWithAck('thread:delete', { threadId: 't' })).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    socket.disconnect();
  });

  it('thread:unsubscribe stops live events of that thread', async () => {
    const { socket, recorder } = await subscribedSocket(server.url, 'leave');
    const first = await okCommand(socket, 'message:send', { threadId: 'leave', clientMessageId: 'a', text: 'echo one' });
    await recorder.waitFor(isFinishOf(first.turnId));
    const countBefore = recorder.events().length;
    await okCommand(socket, 'thread:unsubscribe', { threadId: 'leave' });
    const watcher = await subscribedSocket(server.url, 'leave');
    const second = await okCommand(socket, 'message:send', { threadId: 'leave', clientMessageId: 'b', text: 'echo two' });
    await watcher.recorder.waitFor(isFinishOf(second.turnId));
    await okCommand(socket, 'thread:subscribe', { threadId: 'unrelated' });
    expect(recorder.events()).toHaveLength(countBefore);
    socket.disconnect();
    watcher.socket.disconnect();
  });
});
