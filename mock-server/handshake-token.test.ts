import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { command, connectSocket, connected, handshakeOutcome, type TestSocketOptions } from './testing/mock-server-harness.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0 });
});
afterAll(() => server.close());

const handshake = (options: TestSocketOptions) => handshakeOutcome(server.url, options);

describe('where a handshake token may come from', () => {
  it('takes a bearer Authorization header, for clients that set extraHeaders', async () => {
    expect(await handshake({ token: null, extraHeaders: { authorization: 'Bearer test-token' } })).toBe('connected');
    expect(await handshake({ token: null, extraHeaders: { authorization: 'Bearer wrong' } })).toBe('unauthorized');
    expect(await handshake({ token: null, extraHeaders: { authorization: 'test-token' } })).toBe('unauthorized');
  });

  it('prefers auth.token over the header', async () => {
    expect(await handshake({ token: 'wrong', extraHeaders: { authorization: 'Bearer test-token' } })).toBe('unauthorized');
  });

  it.each(['websocket', 'polling'] as const)('ignores a valid token in the query string (%s)', async (transport) => {
    expect(await handshake({ transport, token: null, query: { token: 'test-token' } })).toBe('unauthorized');
    expect(await handshake({ transport, token: null, query: { token: 'test-token', auth: 'test-token' } })).toBe('unauthorized');
  });

  it('keeps a header-authenticated socket working', async () => {
    const socket = connectSocket(server.url, { token: null, extraHeaders: { authorization: 'Bearer test-token' } });
    await connected(socket);
    expect(await command(socket, 'thread:subscribe', { threadId: 'header' })).toMatchObject({ ok: true });
    socket.disconnect();
  });
});

describe('the history endpoint', () => {
  it('ignores a token in the query string', async () => {
    const url = `${server.url}/api/threads/t/messages`;
    const fromQuery = await fetch(`${url}?token=test-token`);
    expect(fromQuery.status).toBe(401);
    expect(await fromQuery.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await fetch(`${url}?access_token=test-token&agentId=default`)).status).toBe(401);
    expect((await fetch(`${url}?token=test-token`, { headers: { Authorization: 'Bearer test-token' } })).status).toBe(200);
  });
});
