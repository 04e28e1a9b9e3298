import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../create-mock-server.js';
import { command, connectSocket, connected, handshakeOutcome, isFinishOf, recordEvents } from '../testing/mock-server-harness.js';
import { echoWithEvents, seqsOf } from '../testing/fault-test-helpers.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.faults.clear());

const handshake = (token = 'test-token') => handshakeOutcome(server.url, { token });

describe('auth faults', () => {
  it('auth-reject fails the next N good handshakes with "unauthorized"; bad tokens do not use them up', async () => {
    server.faults.set({ faults: [{ kind: 'auth-reject', times: 2 }] });
    expect(await handshake('wrong')).toBe('unauthorized');
    expect(await handshake()).toBe('unauthorized');
    expect(await handshake()).toBe('unauthorized');
    expect(await handshake()).toBe('connected');
    expect(server.faults.stats()).toMatchObject({ 'auth-reject': 2, total: 2 });
  });

  it('auth-delay holds the session lookup; frames sent meanwhile are handled in order', async () => {
    server.faults.set({ faults: [{ kind: 'auth-delay', ms: 300 }] });
    const socket = connectSocket(server.url);
    const recorder = recordEvents(socket);
    await connected(socket);
    const startedAt = performance.now();
    const acks: string[] = [];
    const subscribed = command(socket, 'thread:subscribe', { threadId: 'delayed' }).then((ack) => acks.push(`subscribe ${ack.ok}`));
    const sent = command(socket, 'message:send', { threadId: 'delayed', clientMessageId: 'm', text: echoWithEvents(4) }).then((ack) => {
      acks.push(`send ${ack.ok}`);
      return ack;
    });
    const [, reply] = await Promise.all([subscribed, sent]);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(200);
    expect(acks).toEqual(['subscribe true', 'send true']);
    if (!reply.ok) throw new Error('send failed');
    await recorder.waitFor(isFinishOf(reply.turnId));
    expect(seqsOf(recorder.events())).toEqual([1, 2, 3, 4]);
    socket.disconnect();

    const next = connectSocket(server.url);
    await connected(next);
    expect(await command(next, 'connection:ping', {})).toMatchObject({ ok: true });
    expect(server.faults.stats()).toMatchObject({ 'auth-delay': 1, total: 1 });
    next.disconnect();
  });
});
