import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { command, connectSocket, connected, okCommand } from './testing/mock-server-harness.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token', 'other-token'], speed: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.acceptToken('test-token');
  server.acceptToken('other-token');
});

const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  return { status: response.status, headers: response.headers, json: (await response.json().catch(() => null)) as unknown };
};

describe('a revoked token', () => {
  it('fails the next thread:subscribe with "unauthorized" and disconnects the socket, whose handshake then fails', async () => {
    const socket = connectSocket(server.url);
    await connected(socket);
    await okCommand(socket, 'thread:subscribe', { threadId: 'revoked' });
    server.revokeToken('test-token');
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(await command(socket, 'thread:subscribe', { threadId: 'revoked' })).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: expect.any(String) as unknown },
    });
    expect(await disconnected).toBe('io server disconnect');
    socket.connect();
    await expect(connected(socket)).rejects.toThrow('unauthorized');
    socket.disconnect();
  });

  it('fails any other command too, and leaves sockets with another token alone', async () => {
    const revoked = connectSocket(server.url);
    const other = connectSocket(server.url, { token: 'other-token' });
    await Promise.all([connected(revoked), connected(other)]);
    server.revokeToken('test-token');
    expect(await command(revoked, 'connection:ping', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await command(other, 'connection:ping', {})).toMatchObject({ ok: true });
    revoked.disconnect();
    other.disconnect();
  });

  it('works again once accepted again', async () => {
    server.revokeToken('test-token');
    const refused = connectSocket(server.url);
    await expect(connected(refused)).rejects.toThrow('unauthorized');
    refused.disconnect();
    server.acceptToken('test-token');
    const socket = connectSocket(server.url);
    await connected(socket);
    expect(await command(socket, 'thread:subscribe', { threadId: 'accepted' })).toMatchObject({ ok: true });
    socket.disconnect();
  });

  it('is refused by the history endpoint', async () => {
    server.revokeToken('test-token');
    const response = await fetch(`${server.url}/api/threads/t/messages`, { headers: { Authorization: 'Bearer test-token' } });
    expect(response.status).toBe(401);
  });
});

describe('/__tokens', () => {
  it('POST /__tokens/revoke and /__tokens/accept switch a token', async () => {
    const socket = connectSocket(server.url);
    await connected(socket);
    expect(await post('/__tokens/revoke', JSON.stringify({ token: 'test-token' }))).toMatchObject({ status: 200, json: { token: 'test-token', accepted: false } });
    expect(await command(socket, 'thread:subscribe', { threadId: 'http' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await post('/__tokens/accept', JSON.stringify({ token: 'test-token' }))).toMatchObject({ status: 200, json: { token: 'test-token', accepted: true } });
    const next = connectSocket(server.url);
    await connected(next);
    next.disconnect();
    socket.disconnect();
  });

  it('refuses bad bodies, unknown routes and foreign origins, and answers local preflights', async () => {
    expect(await post('/__tokens/revoke', '{')).toMatchObject({ status: 400, json: { error: { code: 'invalid_json' } } });
    expect(await post('/__tokens/revoke', JSON.stringify({ token: '' }))).toMatchObject({ status: 400, json: { error: { code: 'invalid_request' } } });
    expect(await post('/__tokens/forget', JSON.stringify({ token: 'test-token' }))).toMatchObject({ status: 404 });
    const foreign = await post('/__tokens/revoke', JSON.stringify({ token: 'test-token' }), { Origin: 'https://evil.example' });
    expect(foreign).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${server.url}/__tokens/revoke`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const socket = connectSocket(server.url);
    await connected(socket);
    expect(await command(socket, 'connection:ping', {})).toMatchObject({ ok: true });
    socket.disconnect();
  });
});
