import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES, parseEventId, parseServerEvent } from '../src/protocol/index.js';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { DEFAULT_SCENARIO_TEXT } from './scenarios/index.js';
import { command, connectSocket, connected, isFinishOf, okCommand, recordEvents } from './testing/mock-server-harness.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0 });
});
afterAll(() => server.close());

describe('the default scenario', () => {
  it('emits all 17 event types in one turn, contiguous and valid, pausing at the approval', async () => {
    const socket = connectSocket(server.url);
    const recorder = recordEvents(socket);
    await connected(socket);
    await okCommand(socket, 'thread:subscribe', { threadId: 'default-1' });
    const { turnId } = await okCommand(socket, 'message:send', { threadId: 'default-1', clientMessageId: 'c1', text: 'How do I stream?' });

    const pending = await recorder.waitFor((event) => event.type === 'approval-pending');
    // Several round trips while the turn is paused: nothing after the approval request may arrive.
    for (let trip = 0; trip < 5; trip += 1) await okCommand(socket, 'thread:subscribe', { threadId: 'other' });
    expect(recorder.events().at(-1)?.id).toBe(pending.id);

    if (pending.type !== 'approval-pending') throw new Error('expected approval-pending');
    expect(pending.expiresAt).toBeGreaterThan(pending.ts);
    expect(await command(socket, 'approval:respond', { approvalId: pending.approvalId, decision: 'approved' })).toEqual({ ok: true });
    await recorder.waitFor(isFinishOf(turnId));
    const events = recorder.events('default-1');

    expect(new Set(events.map((event) => event.type))).toEqual(new Set(EVENT_TYPES));
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events.map((event) => parseEventId(event.id)?.seq)).toEqual(events.map((event) => event.seq));
    expect(events.filter((event) => !parseServerEvent(event).ok)).toEqual([]);
    expect(recorder.frames.every((frame) => frame.name === frame.event.type)).toBe(true);
    expect(events.every((event) => event.turnId === turnId && event.threadId === 'default-1')).toBe(true);
    expect(events[0]?.type).toBe('turn-start');
    expect(events.filter((event) => event.type === 'finish')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    expect(events[events.indexOf(pending) + 1]).toMatchObject({ type: 'approval-resolved', approvalId: pending.approvalId, decision: 'approved' });
    expect(events.filter((event) => event.type === 'error')).toEqual([expect.objectContaining({ retryable: true })]);
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');
    expect(text).toBe(DEFAULT_SCENARIO_TEXT);
    socket.disconnect();
  });

  it('gives every turn of a thread its own entity ids', async () => {
    const socket = connectSocket(server.url);
    const recorder = recordEvents(socket);
    await connected(socket);
    await okCommand(socket, 'thread:subscribe', { threadId: 'default-2' });
    for (const clientMessageId of ['first', 'second']) {
      const { turnId } = await okCommand(socket, 'message:send', { threadId: 'default-2', clientMessageId, text: 'Hello' });
      const pending = await recorder.waitFor((event) => event.type === 'approval-pending' && event.turnId === turnId);
      if (pending.type === 'approval-pending') await okCommand(socket, 'approval:respond', { approvalId: pending.approvalId, decision: 'denied' });
      await recorder.waitFor(isFinishOf(turnId));
    }
    const toolCallIds = recorder.events().flatMap((event) => (event.type === 'tool-call-start' ? [event.toolCallId] : []));
    expect(toolCallIds).toHaveLength(4);
    expect(new Set(toolCallIds).size).toBe(4);
    expect(recorder.events().at(-1)?.seq).toBe(recorder.events().length);
    socket.disconnect();
  });
});
