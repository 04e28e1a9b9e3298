import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { handshakeOutcome, type TestSocketOptions } from './testing/mock-server-harness.js';

let localOnly: MockServer;
let appOnly: MockServer;
beforeAll(async () => {
  localOnly = await createMockServer({ tokens: ['test-token'], speed: 0 });
  appOnly = await createMockServer({ tokens: ['test-token'], speed: 0, allowedOrigins: ['https://app.example'] });
});
afterAll(() => Promise.all([localOnly.close(), appOnly.close()]));

function handshake(server: MockServer, options: TestSocketOptions): Promise<string> {
  return handshakeOutcome(server.url, options, (error) => {
    const { message, description } = error as Error & { description?: unknown };
    // The websocket transport describes the failed upgrade with an error event, polling with the HTTP status.
    const detail = typeof description === 'object' && description !== null && 'message' in description ? String(description.message) : String(description);
    return `${message}: ${detail}`;
  });
}

describe('the Origin of a handshake', () => {
  it.each(['websocket', 'polling'] as const)('refuses a foreign origin over %s and accepts the local ones', async (transport) => {
    expect(await handshake(localOnly, { transport, extraHeaders: { origin: 'https://evil.example' } })).toMatch(/^(websocket|xhr poll) error: .*\b40[03]\b/);
    for (const origin of ['http://localhost:5173', 'https://127.0.0.1:6006', 'http://[::1]:3000', 'http://localhost']) {
      expect(await handshake(localOnly, { transport, extraHeaders: { origin } })).toBe('connected');
    }
  });

  it('lets a handshake without Origin through, as non-browser clients send none', async () => {
    expect(await handshake(localOnly, {})).toBe('connected');
    expect(await handshake(appOnly, {})).toBe('connected');
  });

  it('answers a foreign polling handshake with 403 and the reason', async () => {
    const response = await fetch(`${localOnly.url}/streaming/?EIO=4&transport=polling`, { headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 4, message: 'origin https://evil.example is not allowed' });
  });

  it('follows allowedOrigins, which replaces the local default', async () => {
    expect(await handshake(appOnly, { extraHeaders: { origin: 'https://app.example' } })).toBe('connected');
    expect(await handshake(appOnly, { extraHeaders: { origin: 'http://localhost:5173' } })).toMatch(/^websocket error/);
    expect(await handshake(appOnly, { extraHeaders: { origin: 'https://app.example:8443' } })).toMatch(/^websocket error/);
  });

  it('takes a test of the origin too', async () => {
    const server = await createMockServer({ tokens: ['test-token'], speed: 0, allowedOrigins: (origin) => origin.endsWith('.trusted.example') });
    expect(await handshake(server, { extraHeaders: { origin: 'https://a.trusted.example' } })).toBe('connected');
    expect(await handshake(server, { extraHeaders: { origin: 'https://trusted.example.evil' } })).toMatch(/^websocket error/);
    await server.close();
  });
});

describe('the history endpoint follows the same origins', () => {
  const history = (server: MockServer, origin: string, method = 'GET') =>
    fetch(`${server.url}/api/threads/t/messages`, { method, headers: { Origin: origin, Authorization: 'Bearer test-token' } });

  it('gives CORS headers to allowed origins and 403 to others', async () => {
    const allowed = await history(appOnly, 'https://app.example');
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const preflight = await history(appOnly, 'https://app.example', 'OPTIONS');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');

    const refused = await history(appOnly, 'http://localhost:5173');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
    expect((await history(localOnly, 'https://evil.example')).status).toBe(403);
    expect((await history(localOnly, 'http://localhost:5173')).status).toBe(200);
  });
});
