import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../create-mock-server.js';
import { isFinishOf, okCommand } from '../testing/mock-server-harness.js';
import { echoWithEvents, seqsOf, subscribedSocket } from '../testing/fault-test-helpers.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0, faultSeed: 5 });
});
afterAll(() => server.close());
beforeEach(() => server.faults.clear());

const call = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${path}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, ...(body === undefined ? {} : { body }) });
  return { status: response.status, headers: response.headers, json: (await response.json().catch(() => null)) as Record<string, unknown> | null };
};

describe('/__faults', () => {
  it('POST sets the schedule, GET shows it with the stats, DELETE clears and answers the final stats', async () => {
    const posted = await call('POST', '/__faults', JSON.stringify({ faults: [{ kind: 'duplicate', atEvent: 1 }] }));
    expect(posted.status).toBe(200);
    expect(posted.json).toMatchObject({ schedule: { seed: 5, faults: [{ kind: 'duplicate', atEvent: 1 }] }, stats: { total: 0, framesSent: 0 } });

    const { socket, recorder } = await subscribedSocket(server.url, 'http');
    const { turnId } = await okCommand(socket, 'message:send', { threadId: 'http', clientMessageId: 'm', text: echoWithEvents(3) });
    await recorder.waitFor(isFinishOf(turnId));
    expect(seqsOf(recorder.events())).toEqual([1, 1, 2, 3]);
    socket.disconnect();

    const read = await call('GET', '/__faults');
    expect(read.json).toEqual({
      schedule: { seed: 5, faults: [{ kind: 'duplicate', atEvent: 1 }] },
      stats: {
        drop: 0,
        'half-open': 0,
        'auth-delay': 0,
        'auth-reject': 0,
        duplicate: 1,
        swap: 0,
        skip: 0,
        'restart-epoch': 0,
        'replay-from-earlier': 0,
        'random-drops': 0,
        'connections-drop': 0,
        'connections-duplicate': 0,
        'expire-replay': 0,
        total: 1,
        framesSent: 4,
        gatewayFramesSent: 0,
      },
    });
    const cleared = await call('DELETE', '/__faults');
    expect(cleared.json).toMatchObject({ schedule: null, stats: { duplicate: 1, total: 1, framesSent: 4 } });
    expect((await call('GET', '/__faults')).json).toMatchObject({ schedule: null, stats: { duplicate: 0, total: 0, framesSent: 0 } });
    expect(server.faults.schedule()).toBeNull();
  });

  it('a POST replaces the active schedule', async () => {
    await call('POST', '/__faults', JSON.stringify({ seed: 1, faults: [{ kind: 'skip', atEvent: 1 }] }));
    await call('POST', '/__faults', JSON.stringify({ seed: 2, faults: [] }));
    expect(server.faults.schedule()).toEqual({ seed: 2, faults: [] });
  });

  it('answers 400 for bad JSON and for an invalid schedule, naming the fault, and keeps the active one', async () => {
    server.faults.set({ faults: [{ kind: 'skip', atEvent: 3 }] });
    const notJson = await call('POST', '/__faults', '{"faults": [');
    expect(notJson.status).toBe(400);
    expect(notJson.json).toMatchObject({ error: { code: 'invalid_json' } });
    const invalid = await call('POST', '/__faults', JSON.stringify({ faults: [{ kind: 'drop', afterEvents: 2 }, { kind: 'swap', atEvent: 'x' }] }));
    expect(invalid.status).toBe(400);
    expect(invalid.json).toEqual({ error: { code: 'invalid_schedule', message: expect.stringMatching(/^Invalid fault schedule: faults\.1: swap: atEvent: /) as unknown } });
    const unknownKind = await call('POST', '/__faults', JSON.stringify({ faults: [{ kind: 'explode' }] }));
    expect(unknownKind.json).toMatchObject({ error: { message: expect.stringContaining('"kind" must be one of drop, half-open') as unknown } });
    expect(server.faults.schedule()).toEqual({ seed: 5, faults: [{ kind: 'skip', atEvent: 3 }] });
  });

  it('restart-epoch and expire-replay act at once and are counted', async () => {
    expect((await call('POST', '/__faults/restart-epoch')).json).toMatchObject({ stats: { 'restart-epoch': 1, total: 1 } });
    expect((await call('POST', '/__faults/expire-replay')).json).toMatchObject({ stats: { 'restart-epoch': 1, 'expire-replay': 1, total: 2 } });
  });

  it('replay-window takes { ms }', async () => {
    expect(await call('POST', '/__faults/replay-window', JSON.stringify({ ms: 1234 }))).toMatchObject({ status: 200, json: { replayWindowMs: 1234 } });
    expect((await call('POST', '/__faults/replay-window', JSON.stringify({ ms: -1 }))).status).toBe(400);
    expect((await call('POST', '/__faults/replay-window', JSON.stringify({ seconds: 3 }))).status).toBe(400);
  });

  it('answers CORS for a local origin, refuses other origins and unknown routes', async () => {
    const preflight = await call('OPTIONS', '/__faults', undefined, { Origin: 'http://localhost:6006', 'Access-Control-Request-Method': 'POST' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
    const fromPage = await call('GET', '/__faults', undefined, { Origin: 'http://127.0.0.1:5173' });
    expect(fromPage.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const foreign = await call('POST', '/__faults', JSON.stringify({ faults: [] }), { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await call('PUT', '/__faults')).status).toBe(404);
    expect((await call('POST', '/__faults/nothing')).status).toBe(404);
  });
});
