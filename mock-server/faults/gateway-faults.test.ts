import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEventId } from '../../src/protocol/index.js';
import { createMockServer, type MockServer } from '../create-mock-server.js';
import { disconnectReason } from '../testing/fault-test-helpers.js';
import { connectGateway, gatewayWithTools, okGatewayCommand, recordFrames } from '../testing/gateway-test-helpers.js';
import { connected } from '../testing/mock-server-harness.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.faults.clear());

let entityCount = 0;
/** Sends `count` entity updates to every session of the test token, each a frame of its own. */
function updateEntities(count: number) {
  for (let index = 0; index < count; index += 1) {
    entityCount += 1;
    server.connections.updateEntity('test-token', 'note', `note-${entityCount}`, { snapshot: { index } });
  }
}

describe('gateway faults', () => {
  it('connections-drop afterEvents cuts the gateway socket right after frame N; a resume replays the rest', async () => {
    server.faults.set({ faults: [{ kind: 'connections-drop', afterEvents: 2 }] });
    const { socket, recorder } = await gatewayWithTools(server.url, [], { sessionId: 'drop-after' });
    const cut = disconnectReason(socket);
    updateEntities(3);
    expect(await cut).toBe('transport close');
    expect(recorder.frames.map((frame) => frame.seq)).toEqual([1, 2]);
    expect(server.faults.stats()).toMatchObject({ 'connections-drop': 1, total: 1, gatewayFramesSent: 2, framesSent: 0 });

    const resumed = await gatewayWithTools(server.url, [], { sessionId: 'drop-after', lastEventId: recorder.frames[1]!.id });
    expect(resumed.subscribed.resumed).toBe(true);
    expect(resumed.recorder.frames.map((frame) => frame.seq)).toEqual([3]);
    resumed.socket.disconnect();
  });

  it('connections-drop atMs cuts the gateway socket that long after it connected', async () => {
    server.faults.set({ faults: [{ kind: 'connections-drop', atMs: 50 }] });
    const startedAt = Date.now();
    const socket = connectGateway(server.url, { sessionId: 'drop-at' });
    const cut = disconnectReason(socket);
    await connected(socket);
    expect(await cut).toBe('transport close');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(45);
    expect(server.faults.stats()).toMatchObject({ 'connections-drop': 1, total: 1 });
  });

  it('connections-duplicate sends gateway frame N twice; chat faults leave the gateway alone', async () => {
    server.faults.set({ faults: [{ kind: 'connections-duplicate', atEvent: 2 }, { kind: 'duplicate', atEvent: 1 }] });
    const { socket, recorder } = await gatewayWithTools(server.url, [], { sessionId: 'duplicate' });
    updateEntities(3);
    await recorder.waitFor((frame) => frame.seq === 3);
    expect(recorder.frames.map((frame) => frame.seq)).toEqual([1, 2, 2, 3]);
    expect(server.faults.stats()).toMatchObject({ 'connections-duplicate': 1, duplicate: 0, total: 1, gatewayFramesSent: 4 });
    socket.disconnect();
  });

  it('restart-epoch in a schedule renumbers the gateway sessions and cuts their sockets', async () => {
    const { socket, recorder } = await gatewayWithTools(server.url, ['kept_tool'], { sessionId: 'epoch' });
    updateEntities(2);
    await recorder.waitFor((frame) => frame.seq === 2);
    const cut = disconnectReason(socket);
    server.faults.set({ faults: [{ kind: 'restart-epoch' }] });
    expect(await cut).toBe('transport close');

    const again = await gatewayWithTools(server.url, ['kept_tool'], { sessionId: 'epoch', lastEventId: recorder.frames[1]!.id });
    expect(again.subscribed.resumed).toBe(false);
    const renumbered = parseEventId(again.subscribed.lastEventId!);
    expect(renumbered?.seq).toBe(2);
    expect(renumbered?.epoch).not.toBe(parseEventId(recorder.frames[1]!.id)?.epoch);
    expect(server.connections.sessions().find((session) => session.sessionId === 'epoch')).toMatchObject({ revision: 1, tools: ['kept_tool'] });
    expect(server.faults.stats()).toMatchObject({ 'restart-epoch': 1 });
    again.socket.disconnect();
  });

  it('auth-delay makes the gateway session lookup slow; frames sent meanwhile are still handled in order', async () => {
    server.faults.set({ faults: [{ kind: 'auth-delay', ms: 200 }] });
    const socket = connectGateway(server.url, { sessionId: 'slow-lookup' });
    const recorder = recordFrames(socket);
    await connected(socket);
    const startedAt = Date.now();
    const [subscribed, synced] = await Promise.all([
      okGatewayCommand(socket, 'connections:subscribe', {}),
      okGatewayCommand(socket, 'tools:sync', { revision: 4, tools: [] }),
    ]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150);
    expect(subscribed).toEqual({ ok: true, resumed: false, lastEventId: null });
    expect(synced).toEqual({ ok: true, revision: 4 });
    expect(recorder.frames).toEqual([]);
    expect(server.faults.stats()).toMatchObject({ 'auth-delay': 1 });
    socket.disconnect();
  });

  it('POST /__faults accepts the gateway kinds', async () => {
    const schedule = { faults: [{ kind: 'connections-drop', afterEvents: 5, times: 2 }, { kind: 'connections-duplicate', atEvent: 1 }] };
    const response = await fetch(`${server.url}/__faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(schedule) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ schedule: { faults: schedule.faults }, stats: { 'connections-drop': 0, 'connections-duplicate': 0 } });
    const refused = await fetch(`${server.url}/__faults`, { method: 'POST', body: JSON.stringify({ faults: [{ kind: 'connections-drop', afterEvents: 1, atMs: 1 }] }) });
    expect(refused.status).toBe(400);
  });
});
