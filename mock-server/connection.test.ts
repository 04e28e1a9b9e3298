import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { command, connectSocket, connected, isFinishOf, okCommand, recordEvents } from './testing/mock-server-harness.js';

let server: MockServer;
let slowAuthServer: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token', 'second-token'], speed: 0 });
  slowAuthServer = await createMockServer({ tokens: ['test-token'], speed: 0, authDelayMs: 300 });
});
afterAll(() => Promise.all([server.close(), slowAuthServer.close()]));

describe('handshake', () => {
  it.each([
    ['a missing token', null, '/'],
    ['an unknown token', 'wrong', '/'],
    ['an unknown token on an agent namespace', 'wrong', '/agents/helper/chat/stream'],
  ])('rejects %s with connect_error "unauthorized"', async (_, token, namespace) => {
    const socket = connectSocket(server.url, { token, namespace });
    await expect(connected(socket)).rejects.toThrow('unauthorized');
    socket.disconnect();
  });

  it('accepts any configured token', async () => {
    const socket = connectSocket(server.url, { token: 'second-token', namespace: '/agents/helper/chat/stream' });
    await connected(socket);
    expect(socket.connected).toBe(true);
    socket.disconnect();
  });
});

describe('frames sent during a slow session lookup', () => {
  it('are all processed, in order', async () => {
    const socket = connectSocket(slowAuthServer.url);
    const recorder = recordEvents(socket);
    await connected(socket);
    const acks: string[] = [];
    const subscribed = command(socket, 'thread:subscribe', { threadId: 'early' }).then((ack) => acks.push(`subscribe ${ack.ok}`));
    const sends = Array.from({ length: 20 }, (_, index) =>
      command(socket, 'message:send', { threadId: 'early', clientMessageId: `m${index}`, text: `echo ${index}` }).then((ack) => {
        acks.push(`m${index} ${ack.ok}`);
        return ack;
      }),
    );
    const [, ...replies] = await Promise.all([subscribed, ...sends]);
    expect(acks).toEqual(['subscribe true', ...Array.from({ length: 20 }, (_, index) => `m${index} true`)]);
    const turnIds = replies.map((reply) => (reply.ok ? reply.turnId : 'failed'));
    expect(new Set(turnIds).size).toBe(20);
    await recorder.waitFor(isFinishOf(turnIds[19]!));
    const userTexts = recorder.events().flatMap((event) => (event.type === 'turn-start' ? [event.userMessage.text] : []));
    expect(userTexts).toEqual(Array.from({ length: 20 }, (_, index) => `echo ${index}`));
    socket.disconnect();
  });
});

describe('namespaces and threads', () => {
  it('root and /agents/default/chat/stream are the same agent and share threads', async () => {
    const root = connectSocket(server.url);
    const aliased = connectSocket(server.url, { namespace: '/agents/default/chat/stream' });
    const rootRecorder = recordEvents(root);
    const aliasedRecorder = recordEvents(aliased);
    await Promise.all([connected(root), connected(aliased)]);
    await okCommand(root, 'thread:subscribe', { threadId: 'shared' });
    await okCommand(aliased, 'thread:subscribe', { threadId: 'shared' });
    const { turnId } = await okCommand(aliased, 'message:send', { threadId: 'shared', clientMessageId: 'x', text: 'echo shared' });
    await Promise.all([rootRecorder.waitFor(isFinishOf(turnId)), aliasedRecorder.waitFor(isFinishOf(turnId))]);
    expect(rootRecorder.events().map((event) => event.id)).toEqual(aliasedRecorder.events().map((event) => event.id));
    root.disconnect();
    aliased.disconnect();
  });

  it('different agents never share a thread', async () => {
    const helper = connectSocket(server.url, { namespace: '/agents/helper/chat/stream' });
    const writer = connectSocket(server.url, { namespace: '/agents/writer/chat/stream' });
    const helperRecorder = recordEvents(helper);
    const writerRecorder = recordEvents(writer);
    await Promise.all([connected(helper), connected(writer)]);
    await okCommand(helper, 'thread:subscribe', { threadId: 'same-id' });
    await okCommand(writer, 'thread:subscribe', { threadId: 'same-id' });
    const { turnId } = await okCommand(helper, 'message:send', { threadId: 'same-id', clientMessageId: 'x', text: 'echo helper' });
    await helperRecorder.waitFor(isFinishOf(turnId));
    const writerTurn = await okCommand(writer, 'message:send', { threadId: 'same-id', clientMessageId: 'x', text: 'echo writer' });
    expect(writerTurn.turnId).not.toBe(turnId);
    await writerRecorder.waitFor(isFinishOf(writerTurn.turnId));
    expect(writerRecorder.events().every((event) => event.turnId === writerTurn.turnId)).toBe(true);
    expect(writerRecorder.events()[0]?.seq).toBe(1);
    expect(helperRecorder.events().every((event) => event.turnId === turnId)).toBe(true);
    helper.disconnect();
    writer.disconnect();
  });

  it('multiplexes two threads on one socket, each with its own seq', async () => {
    const socket = connectSocket(server.url);
    const recorder = recordEvents(socket);
    await connected(socket);
    await Promise.all(['mux-a', 'mux-b'].map((threadId) => okCommand(socket, 'thread:subscribe', { threadId })));
    const [a, b] = await Promise.all([
      okCommand(socket, 'message:send', { threadId: 'mux-a', clientMessageId: 'x', text: 'tools a' }),
      okCommand(socket, 'message:send', { threadId: 'mux-b', clientMessageId: 'x', text: 'long b' }),
    ]);
    await Promise.all([recorder.waitFor(isFinishOf(a.turnId)), recorder.waitFor(isFinishOf(b.turnId))]);
    for (const [threadId, turnId] of [['mux-a', a.turnId], ['mux-b', b.turnId]] as const) {
      const events = recorder.events(threadId);
      expect(events.every((event) => event.turnId === turnId)).toBe(true);
      expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    }
    const threadOrder = recorder.events().map((event) => event.threadId);
    const switches = threadOrder.filter((threadId, index) => index > 0 && threadId !== threadOrder[index - 1]).length;
    expect(switches).toBeGreaterThan(1);
    socket.disconnect();
  });
});
