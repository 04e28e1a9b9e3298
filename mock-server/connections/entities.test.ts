import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITIES_PATH, type ConnectionEventOf } from '../../src/protocol/index.js';
import { createMockServer, type MockServer } from '../create-mock-server.js';
import { fetchEntities, gatewayWithTools } from '../testing/gateway-test-helpers.js';
import { applyJsonPatch } from '../../src/client/connections/apply-json-patch.js';

let server: MockServer;
let tickingServer: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token', 'other-token'], speed: 0 });
  tickingServer = await createMockServer({ tokens: ['test-token'], speed: 0, entityTickMs: 20 });
});
afterAll(() => Promise.all([server.close(), tickingServer.close()]));

/** Folds entity frames the way a client does: a snapshot replaces, a patch applies to the version before it. */
function fold(frames: readonly ConnectionEventOf<'entity:updated'>[]) {
  let version = 0;
  let snapshot: unknown;
  for (const frame of frames) {
    if (frame.snapshot !== undefined) snapshot = frame.snapshot;
    else if (frame.version === version + 1) {
      const patched = applyJsonPatch(snapshot, frame.patch ?? []);
      if (!patched.ok) throw new Error(patched.reason);
      snapshot = patched.value;
    } else throw new Error(`patch of version ${frame.version} after version ${version}`);
    version = frame.version;
  }
  return { version, snapshot };
}

describe('entities', () => {
  it('bumps the version by one per update and sends it to every session of the token, each in its own sequence', async () => {
    const first = await gatewayWithTools(server.url, [], { sessionId: 'entities-a' });
    const second = await gatewayWithTools(server.url, [], { sessionId: 'entities-b' });
    const stranger = await gatewayWithTools(server.url, [], { sessionId: 'entities-other', token: 'other-token' });
    server.connections.updateEntity('test-token', 'workspace', 'w1', { snapshot: { name: 'Lisbon trip', openTasks: 3, tags: ['sun'] } });
    const patched = server.connections.updateEntity('test-token', 'workspace', 'w1', {
      patch: [
        { op: 'replace', path: '/openTasks', value: 4 },
        { op: 'add', path: '/tags/-', value: 'sea' },
      ],
    });
    expect(patched).toEqual({ entityType: 'workspace', entityId: 'w1', version: 2, snapshot: { name: 'Lisbon trip', openTasks: 4, tags: ['sun', 'sea'] } });
    server.connections.updateEntity('test-token', 'workspace', 'w1', { patch: [{ op: 'remove', path: '/tags/0' }] });

    for (const { recorder } of [first, second]) {
      await recorder.waitFor((frame) => frame.type === 'entity:updated' && frame.version === 3);
      const updates = recorder.ofType('entity:updated');
      expect(updates.map((frame) => [frame.seq, frame.version])).toEqual([
        [1, 1],
        [2, 2],
        [3, 3],
      ]);
      expect(updates[1]).toMatchObject({ entityType: 'workspace', entityId: 'w1', patch: [{ op: 'replace', path: '/openTasks', value: 4 }, { op: 'add', path: '/tags/-', value: 'sea' }] });
      expect(fold(updates)).toEqual({ version: 3, snapshot: { name: 'Lisbon trip', openTasks: 4, tags: ['sea'] } });
    }
    expect(stranger.recorder.frames).toEqual([]);

    const listed = await fetchEntities(server.url, 'entities-a');
    expect(listed.entities).toEqual([{ entityType: 'workspace', entityId: 'w1', version: 3, snapshot: { name: 'Lisbon trip', openTasks: 4, tags: ['sea'] } }]);
    expect(listed.lastEventId).toBe(first.recorder.frames.at(-1)?.id);
    expect((await fetchEntities(server.url, 'entities-other', 'other-token')).entities).toEqual([]);
    for (const { socket } of [first, second, stranger]) socket.disconnect();
  });

  it('refuses a patch that cannot apply and keeps the version as it was', () => {
    expect(() => server.connections.updateEntity('test-token', 'note', 'missing', { patch: [] })).toThrow('No entity note/missing to patch');
    server.connections.updateEntity('test-token', 'note', 'n1', { snapshot: { text: 'a' } });
    expect(() => server.connections.updateEntity('test-token', 'note', 'n1', { patch: [{ op: 'test', path: '/text', value: 'b' }] })).toThrow('the value differs');
    expect(() => server.connections.updateEntity('test-token', 'note', 'n1', { patch: [{ op: 'jump', path: '/text' }] as never })).toThrow();
    expect(server.connections.updateEntity('test-token', 'note', 'n1', { patch: [{ op: 'replace', path: '/text', value: 'c' }] })).toMatchObject({ version: 2, snapshot: { text: 'c' } });
  });

  it('serves the entities endpoint with the history endpoint’s checks: bearer token, origin and preflight', async () => {
    const url = `${server.url}${ENTITIES_PATH}?sessionId=s`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`${url}&token=test-token`)).status).toBe(401);
    const foreign = await fetch(url, { headers: { Authorization: 'Bearer test-token', Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
    const local = await fetch(url, { headers: { Authorization: 'Bearer test-token', Origin: 'http://localhost:5173' } });
    expect(local.status).toBe(200);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect((await fetch(url, { method: 'POST', headers: { Authorization: 'Bearer test-token' } })).status).toBe(405);
  });

  it('with entityTickMs, sends connected tokens a demo workspace: a snapshot first, then replace patches', async () => {
    const { socket, recorder } = await gatewayWithTools(tickingServer.url, [], { sessionId: 'demo' });
    await recorder.waitFor((frame) => frame.type === 'entity:updated' && frame.version === 3);
    const current = (await fetchEntities(tickingServer.url, 'demo')).entities.find((entity) => entity.entityId === 'demo');
    await recorder.waitFor((frame) => frame.type === 'entity:updated' && frame.version === current?.version);
    socket.disconnect();
    const updates = recorder.ofType('entity:updated');
    expect(updates[0]).toMatchObject({ entityType: 'workspace', entityId: 'demo', version: 1, snapshot: { name: 'Lisbon trip' } });
    expect(updates[1]?.patch?.map((operation) => [operation.op, operation.path])).toEqual([
      ['replace', '/openTasks'],
      ['replace', '/activeUsers'],
      ['replace', '/updatedAt'],
    ]);
    const folded = fold(updates.filter((frame) => frame.version <= (current?.version ?? 0)));
    expect(current).toEqual({ entityType: 'workspace', entityId: 'demo', ...folded });
  });
});
