import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../src/protocol/index.js';
import { createMockServer, type MockServer } from '../create-mock-server.js';
import { gatewayCommand, gatewayWithTools, okGatewayCommand } from '../testing/gateway-test-helpers.js';
import { connectSocket, connected, isFinishOf, okCommand, recordEvents } from '../testing/mock-server-harness.js';

let server: MockServer;
let impatientServer: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token', 'lonely-token'], speed: 0 });
  impatientServer = await createMockServer({ tokens: ['test-token'], speed: 0, clientToolTimeoutMs: 100 });
});
afterAll(() => Promise.all([server.close(), impatientServer.close()]));

/** A chat socket subscribed to `threadId` that sends `text`; resolves once the message is accepted. */
async function chatTurn(url: string, threadId: string, text: string, token = 'test-token') {
  const socket = connectSocket(url, { token });
  const recorder = recordEvents(socket);
  await connected(socket);
  await okCommand(socket, 'thread:subscribe', { threadId });
  const { turnId } = await okCommand(socket, 'message:send', { threadId, clientMessageId: 'm', text });
  return { socket, recorder, turnId };
}

const typesOf = (events: readonly ServerEvent[]) => events.map((event) => event.type).filter((type) => type !== 'text-delta' && type !== 'tool-call-args');
const textOf = (events: readonly ServerEvent[]) => events.map((event) => (event.type === 'text-delta' ? event.delta : '')).join('');

describe('a turn calling a browser tool', () => {
  it('invokes the tool over the gateway, waits for its result and answers with the values it holds', async () => {
    const gateway = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'browser-tab' });
    const chat = await chatTurn(server.url, 'browser-1', 'browser what did I pick?');
    const start = await chat.recorder.waitFor((event) => event.type === 'tool-call-start');
    const invoke = await gateway.recorder.next('tool:invoke');
    expect(invoke).toMatchObject({ threadId: 'browser-1', name: 'read_filters', args: { fields: ['region', 'budget', 'days'] } });
    expect(start).toMatchObject({ tool: 'read_filters', toolCallId: invoke.toolCallId });
    expect(invoke.toolCallId).toBe(`${chat.turnId}.call-filters`);
    const argsText = chat.recorder.events().flatMap((event) => (event.type === 'tool-call-args' ? [event.delta] : [])).join('');
    expect(JSON.parse(argsText)).toEqual(invoke.args);
    expect(chat.recorder.events().some((event) => event.type === 'tool-call-result')).toBe(false);

    await okGatewayCommand(gateway.socket, 'tool:result', { invocationId: invoke.invocationId, result: { region: 'Europe', budget: 500, days: 3 } });
    await chat.recorder.waitFor(isFinishOf(chat.turnId));
    const events = chat.recorder.events();
    expect(typesOf(events)).toEqual(['turn-start', 'tool-call-start', 'tool-call-result', 'finish']);
    expect(events.find((event) => event.type === 'tool-call-result')).toMatchObject({ toolCallId: invoke.toolCallId, result: { region: 'Europe', budget: 500, days: 3 } });
    expect(textOf(events)).toBe('I will read the filters you set on the page. Your filters say: region Europe, budget 500, days 3.');
    expect(events.at(-1)).toMatchObject({ finishReason: 'stop' });
    chat.socket.disconnect();
    gateway.socket.disconnect();
  });

  it('ends the tool call with the error the browser answered (browser-fail)', async () => {
    const gateway = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'failing-tab' });
    const chat = await chatTurn(server.url, 'browser-2', 'browser-fail');
    const invoke = await gateway.recorder.next('tool:invoke');
    expect(invoke.args).toEqual({ fields: ['weather'] });
    const error = { code: 'invalid_args', message: 'fields.0 must be one of region, budget, days' };
    await okGatewayCommand(gateway.socket, 'tool:error', { invocationId: invoke.invocationId, error });
    await chat.recorder.waitFor(isFinishOf(chat.turnId));
    expect(chat.recorder.events().find((event) => event.type === 'tool-call-error')).toMatchObject({ toolCallId: invoke.toolCallId, error });
    expect(textOf(chat.recorder.events())).toContain('I could not read your filters: fields.0 must be one of region, budget, days (invalid_args).');
    chat.socket.disconnect();
    gateway.socket.disconnect();
  });

  it('ends the call with tool_unavailable when no session of the sender offers the tool', async () => {
    const elsewhere = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'someone-else' });
    const withoutTool = await gatewayWithTools(server.url, ['count_words'], { sessionId: 'no-filters-here', token: 'lonely-token' });
    const chat = await chatTurn(server.url, 'browser-3', 'browser', 'lonely-token');
    await chat.recorder.waitFor(isFinishOf(chat.turnId));
    expect(chat.recorder.events().find((event) => event.type === 'tool-call-error')).toMatchObject({
      error: { code: 'tool_unavailable', message: 'No connected browser offers the tool read_filters.' },
    });
    expect(elsewhere.recorder.frames).toEqual([]);
    expect(withoutTool.recorder.frames).toEqual([]);
    for (const { socket } of [chat, elsewhere, withoutTool]) socket.disconnect();
  });

  it('cancels the invocation with timeout when the browser does not answer in time', async () => {
    const gateway = await gatewayWithTools(impatientServer.url, ['read_filters'], { sessionId: 'slow-tab' });
    const chat = await chatTurn(impatientServer.url, 'browser-4', 'browser');
    const invoke = await gateway.recorder.next('tool:invoke');
    const cancel = await gateway.recorder.next('tool:cancel');
    expect(cancel).toMatchObject({ invocationId: invoke.invocationId, reason: 'timeout', seq: invoke.seq + 1 });
    await chat.recorder.waitFor(isFinishOf(chat.turnId));
    expect(chat.recorder.events().find((event) => event.type === 'tool-call-error')).toMatchObject({
      toolCallId: invoke.toolCallId,
      error: { code: 'timeout', message: 'The browser did not answer read_filters within 100 ms.' },
    });
    expect(chat.recorder.events().at(-1)).toMatchObject({ finishReason: 'stop' });
    expect(await gatewayCommand(gateway.socket, 'tool:result', { invocationId: invoke.invocationId, result: 'late' })).toMatchObject({
      ok: false,
      error: { code: 'invocation_not_found' },
    });
    expect(impatientServer.connections.stats()).toMatchObject({ timeouts: 1 });
    chat.socket.disconnect();
    gateway.socket.disconnect();
  });

  it('cancels the invocation with turn-cancelled when the turn is cancelled while it waits', async () => {
    const gateway = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'cancelled-tab' });
    const chat = await chatTurn(server.url, 'browser-5', 'browser');
    const invoke = await gateway.recorder.next('tool:invoke');
    await okCommand(chat.socket, 'turn:cancel', { threadId: 'browser-5', turnId: chat.turnId });
    expect(await gateway.recorder.next('tool:cancel')).toMatchObject({ invocationId: invoke.invocationId, reason: 'turn-cancelled' });
    await chat.recorder.waitFor(isFinishOf(chat.turnId));
    const events = chat.recorder.events();
    expect(typesOf(events).slice(-2)).toEqual(['tool-call-error', 'finish']);
    expect(events.at(-2)).toMatchObject({ toolCallId: invoke.toolCallId, error: { code: 'cancelled' } });
    expect(events.at(-1)).toMatchObject({ finishReason: 'cancelled' });
    expect(await gatewayCommand(gateway.socket, 'tool:result', { invocationId: invoke.invocationId, result: 'late' })).toMatchObject({ ok: false });
    chat.socket.disconnect();
    gateway.socket.disconnect();
  });

  it('asks for approval first and invokes the tool only once approved (browser-approve)', async () => {
    const gateway = await gatewayWithTools(server.url, ['read_filters'], { sessionId: 'approving-tab' });
    const denied = await chatTurn(server.url, 'browser-6', 'browser-approve');
    const deniedPending = await denied.recorder.waitFor((event) => event.type === 'approval-pending');
    if (deniedPending.type !== 'approval-pending') throw new Error('expected approval-pending');
    expect(deniedPending).toMatchObject({ tool: 'read_filters', toolCallId: `${denied.turnId}.call-filters` });
    await okCommand(denied.socket, 'approval:respond', { approvalId: deniedPending.approvalId, decision: 'denied' });
    await denied.recorder.waitFor(isFinishOf(denied.turnId));
    expect(denied.recorder.events().find((event) => event.type === 'tool-call-error')).toMatchObject({ error: { code: 'not_approved' } });
    expect(gateway.recorder.frames).toEqual([]);

    const approved = await chatTurn(server.url, 'browser-7', 'browser-approve');
    const pending = await approved.recorder.waitFor((event) => event.type === 'approval-pending');
    if (pending.type !== 'approval-pending') throw new Error('expected approval-pending');
    await okCommand(approved.socket, 'approval:respond', { approvalId: pending.approvalId, decision: 'approved' });
    const invoke = await gateway.recorder.next('tool:invoke');
    expect(invoke.toolCallId).toBe(pending.toolCallId);
    await okGatewayCommand(gateway.socket, 'tool:result', { invocationId: invoke.invocationId, result: { region: 'Asia' } });
    await approved.recorder.waitFor(isFinishOf(approved.turnId));
    expect(typesOf(approved.recorder.events())).toEqual(['turn-start', 'tool-call-start', 'approval-pending', 'approval-resolved', 'tool-call-result', 'finish']);
    expect(textOf(approved.recorder.events())).toContain('Your filters say: region Asia.');
    for (const { socket } of [denied, approved, gateway]) socket.disconnect();
  });
});
