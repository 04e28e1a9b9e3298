import { afterEach, describe, expect, it } from 'vitest';
import type { ServerEvent, ThreadUpdate } from '../index.js';
import { builtInScenarios, createTestServer, scenarioFromJson, scenarioText, streamText, type ScenarioStep, type TestServer } from './index.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

const usage = { inputTokens: 1, outputTokens: 1 };
const answer = (text: string): ScenarioStep[] => [...streamText(text), { type: 'finish', finishReason: 'stop', usage }];

function watch(client: TestServer['client'], threadId: string) {
  const updates: ThreadUpdate[] = [];
  client.threads.watch(threadId, (update) => updates.push(update));
  const events = () => updates.flatMap((update): ServerEvent[] => (update.kind === 'event' ? [update.event] : []));
  const resets = () => updates.filter((update) => update.kind === 'reset');
  return { updates, events, resets };
}

describe('createTestServer', () => {
  it('sends a client its events in batch frames, the same ones a client that does not batch gets one by one', async () => {
    server = createTestServer({ scenario: answer('One two three four') });
    const plainClient = server.createClient({ batchFrames: false });
    const batched = watch(server.client, 't1');
    const plain = watch(plainClient, 't1');
    await server.client.threads.send('t1', 'Hi');
    await server.idle();
    server.disconnect();
    await server.playTurn('t1', 'Missed, then replayed');

    expect(batched.events()).toEqual(server.events('t1'));
    expect(plain.events()).toEqual(server.events('t1'));
    expect(batched.resets()).toEqual([]);
    expect(server.client.getStats()).toMatchObject({ batchedFrames: expect.any(Number), malformedFrames: 0, duplicateFrames: 0, resyncs: 0 });
    expect(server.client.getStats().batchedFrames).toBeGreaterThan(0);
    expect(plainClient.getStats().batchedFrames).toBe(0);
  });

  it('serves a thread played before the client watched it from history', async () => {
    server = createTestServer({ scenario: answer('Earlier answer') });
    await server.playTurn('t1', 'Earlier question');

    const thread = watch(server.client, 't1');
    await server.idle();

    const [reset] = thread.resets();
    expect(reset?.kind === 'reset' && reset.history.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(thread.updates.at(-1)).toEqual({ kind: 'sync', state: 'live' });
  });

  it('lets the real client resume after a cut and rebuild from history after a restart, without doubling anything', async () => {
    server = createTestServer({ scenario: answer('Hello there') });
    const thread = watch(server.client, 't1');
    await server.client.threads.send('t1', 'Hi');
    await server.idle();
    const firstTurn = thread.events().map((event) => event.id);

    server.disconnect();
    await server.idle();
    await server.playTurn('t1', 'Again');
    expect(server.client.connection.getState()).toBe('open');
    expect(server.client.getStats()).toMatchObject({ reconnects: 1, duplicateFrames: 0 });
    expect(thread.events().map((event) => event.id)).toEqual(server.events('t1').map((event) => event.id));
    expect(thread.events().slice(0, firstTurn.length).map((event) => event.id)).toEqual(firstTurn);

    server.restart();
    await server.idle();
    expect(server.client.getStats()).toMatchObject({ reconnects: 2, resyncs: 1 });
    const rebuilt = thread.resets().at(-1);
    expect(rebuilt?.kind === 'reset' && rebuilt.history.messages).toHaveLength(4);
  });

  it('keeps the client reconnecting while unreachable, and idle() does not wait for it', async () => {
    server = createTestServer({ scenario: answer('Back') });
    watch(server.client, 't1');
    await server.idle();

    server.setReachable(false);
    await server.idle();
    expect(server.client.connection.getState()).toBe('reconnecting');
    const sending = server.client.threads.send('t1', 'Queued while away');

    server.setReachable(true);
    await server.idle();
    await expect(sending).resolves.toMatchObject({ turnId: server.sent[0]?.turnId });
    expect(server.client.connection.getState()).toBe('open');
    expect(server.events('t1').at(-1)?.type).toBe('finish');
  });

  it('counts a message retried with the same clientMessageId once', async () => {
    server = createTestServer({ scenario: answer('Once') });
    const first = await server.client.threads.send('t1', 'Hi', { clientMessageId: 'cm-1' });
    const again = await server.client.threads.send('t1', 'Hi', { clientMessageId: 'cm-1' });
    await server.idle();
    expect(again.turnId).toBe(first.turnId);
    expect(server.sent).toEqual([{ threadId: 't1', text: 'Hi', clientMessageId: 'cm-1', turnId: first.turnId }]);
  });

  it('streams a turn to threads.stream, and hands an approval outcome to a generator scenario', async () => {
    server = createTestServer({ scenario: builtInScenarios.approve });
    const seen: string[] = [];
    for await (const event of server.client.threads.stream({ threadId: 't1', message: 'Delete the report' })) {
      seen.push(event.type);
      if (event.type === 'approval-pending') await server.client.respondToApproval(event.approvalId, 'denied');
    }
    const text = server.events('t1').map((event) => (event.type === 'text-delta' ? event.delta : '')).join('');
    expect(seen).toContain('approval-resolved');
    expect(seen.at(-1)).toBe('finish');
    expect(text).toContain('Understood, nothing was deleted (denied).');
  });

  it('plays the steps of a scenario file', async () => {
    const file = `[
      { "type": "step-start", "stepId": "s1", "index": 0, "name": "Lookup" },
      { "type": "text-delta", "delta": "Checking the weather." },
      { "type": "tool-call-start", "toolCallId": "c1", "tool": "get_weather", "stepId": "s1" },
      { "type": "tool-call-args", "toolCallId": "c1", "delta": "{\\"city\\":\\"Oslo\\"}" },
      { "type": "tool-call-result", "toolCallId": "c1", "result": { "celsius": -3 } },
      { "type": "step-finish", "stepId": "s1", "usage": { "inputTokens": 120, "outputTokens": 30 } }
    ]`;
    const steps = scenarioFromJson(JSON.parse(file));
    server = createTestServer({ scenario: steps });
    await server.playTurn('t1', 'Weather in Oslo?');
    const events = server.events('t1');
    expect(events.map((event) => event.type)).toEqual([
      'turn-start',
      'step-start',
      'text-delta',
      'tool-call-start',
      'tool-call-args',
      'tool-call-result',
      'step-finish',
      'finish',
    ]);
    expect(scenarioText(steps)).toBe('Checking the weather.');
  });

  it('refuses a bad step: at once for steps, from idle() for a scenario function', async () => {
    const badDelta = [{ type: 'text-delta', delta: 12 }] as unknown as ScenarioStep[];
    expect(() => createTestServer({ scenario: badDelta })).toThrow('Invalid scenario: step 0: text-delta: delta: Invalid type');
    expect(() => scenarioFromJson({ steps: [] })).toThrow('Invalid scenario: the file must contain a JSON array of steps');

    server = createTestServer({ scenario: () => [...streamText('fine'), ...badDelta] });
    await server.client.threads.send('t1', 'Hi');
    await expect(server.idle()).rejects.toThrow('Invalid scenario: step 1: text-delta: delta');
    await expect(server.idle()).resolves.toBeUndefined();
  });

  it('ends a browser tool call with tool_unavailable when no client offers the tool', async () => {
    server = createTestServer({ scenario: builtInScenarios.browser });
    const thread = watch(server.client, 't1');
    await server.client.threads.send('t1', 'browser filters');
    await server.idle();
    const toolCallError = thread.events().find((event) => event.type === 'tool-call-error');
    expect(toolCallError).toMatchObject({ error: { code: 'tool_unavailable' } });
    expect(thread.events().at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    const text = thread.events().map((event) => (event.type === 'text-delta' ? event.delta : '')).join('');
    expect(text).toContain('I could not read your filters: No connected browser offers the tool read_filters. (tool_unavailable)');
  });
});
