import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../create-mock-server.js';
import { connectGateway, fetchEntities, gatewayCommand, gatewayWithTools, okGatewayCommand, recordFrames, tool } from '../testing/gateway-test-helpers.js';
import { connected } from '../testing/mock-server-harness.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token', 'other-token'], speed: 0 });
});
afterAll(() => server.close());

const sessionInfo = (sessionId: string) => server.connections.sessions().find((session) => session.sessionId === sessionId);

describe('gateway commands', () => {
  it('tools:sync keeps the set of the highest revision and answers an older one with the revision held', async () => {
    const socket = connectGateway(server.url, { sessionId: 'revisions' });
    await connected(socket);
    expect(await gatewayCommand(socket, 'tools:sync', { revision: 2, tools: [tool('a'), tool('b')] })).toEqual({ ok: true, revision: 2 });
    expect(await gatewayCommand(socket, 'tools:sync', { revision: 1, tools: [tool('old')] })).toEqual({ ok: true, revision: 2 });
    expect(await gatewayCommand(socket, 'tools:sync', { revision: 2, tools: [tool('same-revision')] })).toEqual({ ok: true, revision: 2 });
    expect(sessionInfo('revisions')).toMatchObject({ revision: 2, tools: ['a', 'b'] });
    expect(await gatewayCommand(socket, 'tools:sync', { revision: 3, tools: [] })).toEqual({ ok: true, revision: 3 });
    expect(sessionInfo('revisions')).toMatchObject({ revision: 3, tools: [] });
    socket.disconnect();
  });

  it('answers connection:ping with the time, and refuses unknown commands and malformed requests', async () => {
    const socket = connectGateway(server.url);
    await connected(socket);
    const pong = await okGatewayCommand(socket, 'connection:ping', {});
    expect(typeof pong.ts).toBe('number');
    expect(await socket.emitWithAck('tools:forget', {})).toEqual({ ok: false, error: { code: 'unknown_command', message: 'Unknown command tools:forget.' } });
    expect(await socket.emitWithAck('thread:subscribe', { threadId: 't' })).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    const badSync = await socket.emitWithAck('tools:sync', { revision: 'x', tools: [] });
    expect(badSync).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('tools:sync: revision: ') as unknown } });
    expect(await socket.emitWithAck('tool:error', { invocationId: 'i', error: { code: '' } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    socket.disconnect();
  });

  it('tool:result settles the invocation once; a repeat or a later tool:error is acknowledged and ignored', async () => {
    const { socket, recorder } = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'idempotent' });
    const before = server.connections.stats();
    const outcome = server.connections.invoke({ token: 'test-token', name: 'read_filters', args: { fields: ['region'] }, threadId: 't1', toolCallId: 'call-1' });
    const invoke = await recorder.next('tool:invoke');
    expect(invoke).toMatchObject({ threadId: 't1', toolCallId: 'call-1', name: 'read_filters', args: { fields: ['region'] }, seq: 1 });
    expect(sessionInfo('idempotent')).toMatchObject({ openInvocations: 1, answered: 0 });

    expect(await gatewayCommand(socket, 'tool:result', { invocationId: invoke.invocationId, result: { region: 'Europe' } })).toEqual({ ok: true });
    expect(await gatewayCommand(socket, 'tool:result', { invocationId: invoke.invocationId, result: { region: 'Asia' } })).toEqual({ ok: true });
    expect(await gatewayCommand(socket, 'tool:error', { invocationId: invoke.invocationId, error: { code: 'late', message: 'late' } })).toEqual({ ok: true });
    expect(await outcome).toEqual({ result: { region: 'Europe' } });
    expect(sessionInfo('idempotent')).toMatchObject({ openInvocations: 0, answered: 1 });
    const after = server.connections.stats();
    expect(after.results - before.results).toBe(1);
    expect(after.duplicateAnswers - before.duplicateAnswers).toBe(2);
    socket.disconnect();
  });

  it('tool:error settles the invocation with the error the browser gave', async () => {
    const { socket, recorder } = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'failing' });
    const outcome = server.connections.invoke({ token: 'test-token', name: 'read_filters', args: { fields: ['weather'] } });
    const invoke = await recorder.next('tool:invoke');
    const error = { code: 'invalid_args', message: 'fields.0: weather is not a filter' };
    expect(await gatewayCommand(socket, 'tool:error', { invocationId: invoke.invocationId, error })).toEqual({ ok: true });
    expect(await outcome).toEqual({ error });
    socket.disconnect();
  });

  it('answers invocation_not_found for an id the session does not hold, even one another session holds', async () => {
    const holder = await gatewayWithTools(server.url, ['only_here'], { sessionId: 'holder' });
    const stranger = await gatewayWithTools(server.url, [], { sessionId: 'stranger' });
    const outcome = server.connections.invoke({ token: 'test-token', name: 'only_here', args: {} });
    const invoke = await holder.recorder.next('tool:invoke');
    expect(await gatewayCommand(stranger.socket, 'tool:result', { invocationId: invoke.invocationId, result: 1 })).toEqual({
      ok: false,
      error: { code: 'invocation_not_found', message: `No open invocation ${invoke.invocationId} in this session.` },
    });
    expect(await gatewayCommand(stranger.socket, 'tool:result', { invocationId: 'inv-never', result: 1 })).toMatchObject({ ok: false, error: { code: 'invocation_not_found' } });
    await okGatewayCommand(holder.socket, 'tool:result', { invocationId: invoke.invocationId, result: 2 });
    expect(await outcome).toEqual({ result: 2 });
    holder.socket.disconnect();
    stranger.socket.disconnect();
  });

  it('invokes the tool in a session of the same token only, preferring the most recently synced one', async () => {
    const other = await gatewayWithTools(server.url, ['pick_me'], { sessionId: 'other-token-session', token: 'other-token' });
    const older = await gatewayWithTools(server.url, ['pick_me'], { sessionId: 'older' });
    const newer = await gatewayWithTools(server.url, ['pick_me'], { sessionId: 'newer' });
    const outcome = server.connections.invoke({ token: 'test-token', name: 'pick_me', args: {} });
    const invoke = await newer.recorder.next('tool:invoke');
    await okGatewayCommand(newer.socket, 'tool:result', { invocationId: invoke.invocationId, result: 'newer' });
    expect(await outcome).toEqual({ result: 'newer' });
    expect(older.recorder.ofType('tool:invoke')).toEqual([]);
    expect(other.recorder.ofType('tool:invoke')).toEqual([]);
    expect(await server.connections.invoke({ token: 'test-token', name: 'nobody_has_it', args: {} })).toEqual({
      error: { code: 'tool_unavailable', message: 'No connected browser offers the tool nobody_has_it.' },
    });
    for (const { socket } of [other, older, newer]) socket.disconnect();
  });

  it('refuses a handshake whose sessionId is not a string of 1 to 128 characters', async () => {
    for (const sessionId of ['', 'x'.repeat(129), 42]) {
      const socket = connectGateway(server.url, { sessionId: sessionId as string });
      await expect(connected(socket)).rejects.toThrow('invalid_session_id');
      socket.disconnect();
    }
    const unauthorized = connectGateway(server.url, { token: 'wrong' });
    await expect(connected(unauthorized)).rejects.toThrow('unauthorized');
    unauthorized.disconnect();
    const longest = connectGateway(server.url, { sessionId: 'x'.repeat(128) });
    await connected(longest);
    longest.disconnect();
  });

  it('sends nothing live to a socket before it subscribes; the frames wait in the log', async () => {
    const socket = connectGateway(server.url, { sessionId: 'unsubscribed' });
    const recorder = recordFrames(socket);
    await connected(socket);
    await okGatewayCommand(socket, 'tools:sync', { revision: 1, tools: [tool('quiet')] });
    const outcome = server.connections.invoke({ token: 'test-token', name: 'quiet', args: {}, timeoutMs: 5_000 });
    await okGatewayCommand(socket, 'connection:ping', {});
    expect(recorder.frames).toEqual([]);
    const subscribed = await okGatewayCommand(socket, 'connections:subscribe', {});
    expect(subscribed.resumed).toBe(false);
    expect(subscribed.lastEventId).toMatch(/-1$/);
    const rebuilt = await fetchEntities(server.url, 'unsubscribed');
    expect(rebuilt.lastEventId).toBe(subscribed.lastEventId);
    expect(rebuilt.invocations).toMatchObject([{ name: 'quiet', args: {} }]);
    await okGatewayCommand(socket, 'tool:result', { invocationId: rebuilt.invocations[0]!.invocationId, result: 'heard' });
    expect(await outcome).toEqual({ result: 'heard' });
    socket.disconnect();
  });
});
