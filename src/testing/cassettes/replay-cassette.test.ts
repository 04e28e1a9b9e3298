import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventFactory } from '../../../test/support/event-factory.js';
import type { ServerEvent } from '../../protocol/index.js';
import { createTestServer, type TestServer } from '../create-test-server.js';
import { replayCassette } from './replay-cassette.js';

const usage = { inputTokens: 3, outputTokens: 4 };
const servers: TestServer[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

function started<T extends TestServer>(server: T): T {
  servers.push(server);
  return server;
}

/** A recorded turn of `thread-rec`: the events in order, `ts` rising by `gapMs` from one to the next. */
function recordedTurn(userText: string, bodies: ((event: ReturnType<typeof createEventFactory>, turnId: string) => ServerEvent)[], gapMs = 10) {
  const event = createEventFactory('thread-rec');
  const turnId = `rec-${userText}`;
  const all = [event('turn-start', turnId, { messageId: `m-${userText}`, userMessage: { id: 'u-rec', text: userText } }), ...bodies.map((body) => body(event, turnId))];
  return all.map((recorded, index) => ({ ...recorded, ts: 1_000 + index * gapMs }));
}

const withApproval = (decision: 'approved' | 'denied', gapMs = 10) =>
  recordedTurn(
    'Deploy',
    [
      (event, turnId) => event('approval-pending', turnId, { approvalId: 'a1', tool: 'deploy', args: { env: 'prod' } }),
      (event, turnId) => event('approval-resolved', turnId, { approvalId: 'a1', decision, resolvedBy: 'user' }),
      (event, turnId) => event('finish', turnId, { finishReason: 'stop', usage, durationMs: 7 }),
    ],
    gapMs,
  );

const waitForEvent = (server: TestServer, threadId: string, type: ServerEvent['type']) =>
  vi.waitFor(() => {
    const found = server.events(threadId).find((event) => event.type === type);
    if (!found) throw new Error(`no ${type} yet`);
    return found;
  });

describe('createTestServer({ cassette })', () => {
  it('plays a recorded turn with the real user message, the recorded ids and the thread own seqs', async () => {
    const recorded = recordedTurn('Hello', [
      (event, turnId) => event('text-delta', turnId, { messageId: 'm-Hello', delta: 'Hi' }),
      (event, turnId) => event('tool-call-start', turnId, { toolCallId: 'c1', tool: 'lookup' }),
      (event, turnId) => event('tool-call-result', turnId, { toolCallId: 'c1', result: { found: 2 } }),
      (event, turnId) => event('finish', turnId, { finishReason: 'stop', usage, durationMs: 7 }),
    ]);
    const server = started(createTestServer({ cassette: JSON.stringify(recorded) }));
    const { turnId, clientMessageId } = await server.client.threads.send('live', 'Hello');
    await server.idle();
    const events = server.events('live');
    expect(events.map((event) => event.type)).toEqual(['turn-start', 'text-delta', 'tool-call-start', 'tool-call-result', 'finish']);
    expect(events.map((event) => [event.threadId, event.turnId, event.seq])).toEqual(events.map((_, index) => ['live', turnId, index + 1]));
    expect(events.map((event) => event.id)).not.toContain(recorded[1]!.id);
    expect(events[0]).toMatchObject({ messageId: 'm-Hello', userMessage: { id: `${turnId}.user`, text: 'Hello', clientMessageId } });
    expect(events.slice(1)).toMatchObject([{ messageId: 'm-Hello', delta: 'Hi' }, { toolCallId: 'c1' }, { toolCallId: 'c1', result: { found: 2 } }, { usage, durationMs: 7 }]);
  });

  it('accepts the user answer to a recorded approval and skips the recorded resolution', async () => {
    const server = started(createTestServer({ cassette: withApproval('approved', 300), speed: 1 }));
    await server.client.threads.send('live', 'Deploy');
    const pending = await waitForEvent(server, 'live', 'approval-pending');
    if (pending.type !== 'approval-pending') throw new Error('expected approval-pending');
    await server.client.respondToApproval(pending.approvalId, 'denied');
    await server.idle();
    const resolved = server.events('live').filter((event) => event.type === 'approval-resolved');
    expect(resolved).toMatchObject([{ approvalId: 'a1', decision: 'denied', resolvedBy: 'user' }]);
    expect(server.events('live').at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('resolves an unanswered approval with the recorded decision, so a later different answer is refused', async () => {
    const server = started(createTestServer({ cassette: withApproval('approved') }));
    await server.client.threads.send('live', 'Deploy');
    await server.idle();
    expect(server.events('live').filter((event) => event.type === 'approval-resolved')).toMatchObject([{ approvalId: 'a1', decision: 'approved' }]);
    await expect(server.client.respondToApproval('a1', 'denied')).rejects.toMatchObject({ code: 'approval_already_resolved' });
    await expect(server.client.respondToApproval('a1', 'approved')).resolves.toBeUndefined();
  });

  it('stops a cancelled replay with a cancelled finish and cancels its open run', async () => {
    const recorded = recordedTurn(
      'Export',
      [
        (event, turnId) => event('run-update', turnId, { runId: 'r1', status: 'running', progress: 10 }),
        (event, turnId) => event('text-delta', turnId, { messageId: 'm-Export', delta: 'Started.' }),
        (event, turnId) => event('text-delta', turnId, { messageId: 'm-Export', delta: ' Never shown.' }),
        (event, turnId) => event('finish', turnId, { finishReason: 'stop', usage, durationMs: 7 }),
      ],
      200,
    );
    const server = started(createTestServer({ cassette: recorded, speed: 1 }));
    const { turnId } = await server.client.threads.send('live', 'Export');
    await waitForEvent(server, 'live', 'text-delta');
    await server.client.threads.cancel('live', turnId);
    await server.idle();
    const events = server.events('live');
    expect(events.map((event) => event.type)).toEqual(['turn-start', 'run-update', 'text-delta', 'run-update', 'finish']);
    expect(events.slice(-2)).toMatchObject([{ runId: 'r1', status: 'cancelled', progress: 10 }, { finishReason: 'cancelled' }]);
  });

  it('ends a turn recorded without finish with the server finish: error after a non-retryable error, else stop', async () => {
    const cassette = [
      { type: 'turn-start', messageId: 'm1', userMessage: { id: 'u1', text: 'Fail' } },
      { type: 'error', code: 'down', message: 'Down.', retryable: false },
      { type: 'turn-start', messageId: 'm2', userMessage: { id: 'u2', text: 'Talk' } },
      { type: 'text-delta', messageId: 'm2', delta: 'Fine.' },
    ];
    const server = started(createTestServer({ cassette }));
    await server.client.threads.send('live', 'Fail');
    await server.client.threads.send('live', 'Talk');
    await server.idle();
    const finishes = server.events('live').filter((event) => event.type === 'finish');
    expect(finishes).toMatchObject([{ finishReason: 'error' }, { finishReason: 'stop' }]);
  });

  it('refuses a cassette without a single valid event, saying why', () => {
    expect(() => createTestServer({ cassette: '[{"type":"nope"}]' })).toThrow(/^Invalid cassette: it holds no valid event \(1 frame left out, the first for event 0: /);
    expect(() => createTestServer({ cassette: '{"frames": [' })).toThrow(/^Invalid cassette: not JSON/);
  });
});

describe('replayCassette', () => {
  it('sends each recorded message on its recorded thread and answers approvals as recorded', async () => {
    const other = createEventFactory('thread-other');
    const recording = [
      ...withApproval('denied'),
      other('turn-start', 'rec-2', { messageId: 'm-2', userMessage: { id: 'u-2', text: 'And here?' } }),
      other('text-delta', 'rec-2', { messageId: 'm-2', delta: 'Here too.' }),
    ];
    const replay = started(replayCassette(recording));
    const answers: unknown[] = [];
    replay.client.observe({ command: (name, request) => void (name === 'approval:respond' && answers.push(request)) });
    await replay.playRecorded();
    expect(replay.sent.map(({ threadId, text }) => [threadId, text])).toEqual([
      ['thread-rec', 'Deploy'],
      ['thread-other', 'And here?'],
    ]);
    expect(answers).toEqual([{ approvalId: 'a1', decision: 'denied' }]);
    expect(replay.events('thread-rec').filter((event) => event.type === 'approval-resolved')).toMatchObject([{ decision: 'denied' }]);
    expect(replay.events('thread-other').map((event) => event.type)).toEqual(['turn-start', 'text-delta', 'finish']);
  });
});
