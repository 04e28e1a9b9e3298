import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEventId } from '../../src/protocol/index.js';
import { createMockServer, type MockServer } from '../create-mock-server.js';
import { disconnectReason } from '../testing/fault-test-helpers.js';
import { connectGateway, fetchEntities, gatewayWithTools, okGatewayCommand, recordFrames } from '../testing/gateway-test-helpers.js';
import { connected } from '../testing/mock-server-harness.js';

let clock = 1_000_000;
let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0, replayWindowMs: 5_000, now: () => clock });
});
afterAll(() => server.close());
beforeEach(() => server.faults.setReplayWindowMs(5_000));

const sessionInfo = (sessionId: string | null) => server.connections.sessions().find((session) => session.sessionId === sessionId);

async function waitUntil(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Disconnects and waits until the server saw the session's socket go. */
async function leave(socket: ReturnType<typeof connectGateway>, sessionId: string) {
  socket.disconnect();
  await waitUntil(() => sessionInfo(sessionId)?.connected !== true);
}

describe('gateway sessions', () => {
  it('replays the frames a reconnected socket missed, in order, before acknowledging resumed: true, then goes live', async () => {
    const first = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'resume' });
    const firstOutcome = server.connections.invoke({ token: 'test-token', name: 'read_filters', args: { n: 1 } });
    const seen = await first.recorder.next('tool:invoke');
    await leave(first.socket, 'resume');

    const secondOutcome = server.connections.invoke({ token: 'test-token', name: 'read_filters', args: { n: 2 } });
    server.connections.updateEntity('test-token', 'workspace', 'w1', { snapshot: { openTasks: 1 } });
    clock += 4_000;

    const socket = connectGateway(server.url, { sessionId: 'resume' });
    const recorder = recordFrames(socket);
    await connected(socket);
    const ack = await okGatewayCommand(socket, 'connections:subscribe', { lastEventId: seen.id });
    const missed = recorder.frames.map((frame) => [frame.seq, frame.type]);
    expect(missed).toEqual([
      [2, 'tool:invoke'],
      [3, 'entity:updated'],
    ]);
    expect(ack).toEqual({ ok: true, resumed: true, lastEventId: recorder.frames[1]!.id });

    for (const frame of [seen, ...recorder.ofType('tool:invoke')]) {
      if (frame.type === 'tool:invoke') await okGatewayCommand(socket, 'tool:result', { invocationId: frame.invocationId, result: frame.args });
    }
    expect(await firstOutcome).toEqual({ result: { n: 1 } });
    expect(await secondOutcome).toEqual({ result: { n: 2 } });
    server.connections.updateEntity('test-token', 'workspace', 'w1', { patch: [{ op: 'replace', path: '/openTasks', value: 2 }] });
    expect(await recorder.waitFor((frame) => frame.seq === 4)).toMatchObject({ type: 'entity:updated', version: 2 });
    socket.disconnect();
  });

  it('answers resumed: false outside the window; the entities endpoint then lists the entities and the open invocations', async () => {
    const first = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'expired' });
    const outcome = server.connections.invoke({ token: 'test-token', name: 'read_filters', args: { fields: ['days'] }, threadId: 't9', toolCallId: 'turn-x.call' });
    const seen = await first.recorder.next('tool:invoke');
    await leave(first.socket, 'expired');
    server.connections.updateEntity('test-token', 'workspace', 'expired-entity', { snapshot: { name: 'Lisbon trip' } });
    clock += 10_000;

    const socket = connectGateway(server.url, { sessionId: 'expired' });
    const recorder = recordFrames(socket);
    await connected(socket);
    const ack = await okGatewayCommand(socket, 'connections:subscribe', { lastEventId: seen.id });
    expect(ack.resumed).toBe(false);
    expect(recorder.frames).toEqual([]);

    const rebuilt = await fetchEntities(server.url, 'expired');
    expect(rebuilt.lastEventId).toBe(ack.lastEventId);
    expect(rebuilt.entities).toContainEqual({ entityType: 'workspace', entityId: 'expired-entity', version: 1, snapshot: { name: 'Lisbon trip' } });
    expect(rebuilt.invocations).toEqual([{ invocationId: seen.invocationId, threadId: 't9', toolCallId: 'turn-x.call', name: 'read_filters', args: { fields: ['days'] } }]);
    await okGatewayCommand(socket, 'tool:result', { invocationId: seen.invocationId, result: { days: 3 } });
    expect(await outcome).toEqual({ result: { days: 3 } });
    expect((await fetchEntities(server.url, 'expired')).invocations).toEqual([]);
    expect(await fetchEntities(server.url, 'nobody-here')).toMatchObject({ lastEventId: null, invocations: [] });
    socket.disconnect();
  });

  it('renumbers every session under a new epoch on restart-epoch and cuts its socket, keeping tools and open invocations', async () => {
    const first = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'restarted' });
    const outcome = server.connections.invoke({ token: 'test-token', name: 'read_filters', args: {} });
    const seen = await first.recorder.next('tool:invoke');
    const cut = disconnectReason(first.socket);
    server.faults.restartEpoch();
    expect(await cut).toBe('transport close');
    expect(server.faults.stats()).toMatchObject({ 'restart-epoch': 1 });

    const again = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'restarted', lastEventId: seen.id });
    expect(again.subscribed.resumed).toBe(false);
    const renumbered = parseEventId(again.subscribed.lastEventId!);
    expect(renumbered?.seq).toBe(1);
    expect(renumbered?.epoch).not.toBe(parseEventId(seen.id)?.epoch);
    expect(sessionInfo('restarted')).toMatchObject({ revision: 1, openInvocations: 1, connected: true });
    const rebuilt = await fetchEntities(server.url, 'restarted');
    expect(rebuilt.invocations.map((invocation) => invocation.invocationId)).toEqual([seen.invocationId]);
    await okGatewayCommand(again.socket, 'tool:result', { invocationId: seen.invocationId, result: 'after the restart' });
    expect(await outcome).toEqual({ result: 'after the restart' });
    server.faults.clear();
    again.socket.disconnect();
  });

  it('answers resumed: false after expireReplay(), except from the last frame', async () => {
    const first = await gatewayWithTools(server.url, [], { sessionId: 'aged' });
    server.connections.updateEntity('test-token', 'note', 'aged-1', { snapshot: 1 });
    server.connections.updateEntity('test-token', 'note', 'aged-2', { snapshot: 2 });
    await first.recorder.waitFor((frame) => frame.seq === 2);
    await leave(first.socket, 'aged');
    server.faults.expireReplay();
    const fromFirst = await gatewayWithTools(server.url, [], { sessionId: 'aged', lastEventId: first.recorder.frames[0]!.id });
    expect(fromFirst.subscribed).toMatchObject({ resumed: false, lastEventId: first.recorder.frames[1]!.id });
    const fromLast = await gatewayWithTools(server.url, [], { sessionId: 'aged', lastEventId: first.recorder.frames[1]!.id });
    expect(fromLast.subscribed.resumed).toBe(true);
    fromLast.socket.disconnect();
  });

  it('lets a newer socket of the same session take it over and disconnects the older one', async () => {
    const older = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'taken-over' });
    const olderGone = disconnectReason(older.socket);
    const takeoversBefore = server.connections.stats().takeovers;
    const newer = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'taken-over' });
    expect(await olderGone).toBe('io server disconnect');
    expect(server.connections.stats().takeovers).toBe(takeoversBefore + 1);
    expect(server.connections.sessions().filter((session) => session.sessionId === 'taken-over')).toMatchObject([{ connected: true }]);

    const outcome = server.connections.invoke({ token: 'test-token', name: 'read_filters', args: {} });
    const invoke = await newer.recorder.next('tool:invoke');
    expect(older.recorder.ofType('tool:invoke')).toEqual([]);
    await okGatewayCommand(newer.socket, 'tool:result', { invocationId: invoke.invocationId, result: 'newer' });
    expect(await outcome).toEqual({ result: 'newer' });
    newer.socket.disconnect();
  });

  it('drops a session the replay window after its last socket left, failing its invocations with client_gone', async () => {
    server.faults.setReplayWindowMs(100);
    const { socket, recorder } = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'leaving' });
    const outcome = server.connections.invoke({ token: 'test-token', name: 'read_filters', args: {}, timeoutMs: 10_000 });
    await recorder.next('tool:invoke');
    const droppedBefore = server.connections.stats().sessionsDropped;
    socket.disconnect();
    expect(await outcome).toEqual({ error: { code: 'client_gone', message: 'The browser that was running the tool went away.' } });
    expect(sessionInfo('leaving')).toBeUndefined();
    expect(server.connections.stats().sessionsDropped).toBeGreaterThan(droppedBefore);
  });

  it('keeps a session whose socket comes back within the window', async () => {
    server.faults.setReplayWindowMs(150);
    const first = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'back-soon' });
    const outcome = server.connections.invoke({ token: 'test-token', name: 'read_filters', args: {}, timeoutMs: 10_000 });
    const seen = await first.recorder.next('tool:invoke');
    await leave(first.socket, 'back-soon');
    const again = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'back-soon', lastEventId: seen.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sessionInfo('back-soon')).toMatchObject({ connected: true, openInvocations: 1 });
    await okGatewayCommand(again.socket, 'tool:result', { invocationId: seen.invocationId, result: 'kept' });
    expect(await outcome).toEqual({ result: 'kept' });
    again.socket.disconnect();
  });

  it('ends a session without a sessionId with its socket', async () => {
    const { socket, recorder } = await gatewayWithTools(server.url, ['anonymous_tool']);
    const outcome = server.connections.invoke({ token: 'test-token', name: 'anonymous_tool', args: {}, timeoutMs: 10_000 });
    await recorder.next('tool:invoke');
    expect(sessionInfo(null)).toMatchObject({ tools: ['anonymous_tool'], connected: true });
    socket.disconnect();
    expect(await outcome).toMatchObject({ error: { code: 'client_gone' } });
    expect(sessionInfo(null)).toBeUndefined();
  });
});
