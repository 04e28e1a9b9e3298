import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpenInvocation } from '../../protocol/index.js';
import { emptyConnectionsStats } from './connections-stats.js';
import { createInvocationRunner, type ToolAnswer } from './invocation-runner.js';
import { prepareTool, type PreparedTool } from './prepare-tool.js';
import type { ClientTool, ToolExecutionContext, ToolInvocation } from './types.js';

afterEach(() => vi.useRealTimers());

const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Execute = ClientTool['execute'];

/**
 * The runner over tools prepared up front, handed out as the gateway does once their schema support is loaded: in a
 * promise. With `holdPreparation`, every lookup waits until the test calls `preparation.release()`; with
 * `preparationError`, every lookup fails with it.
 */
async function setup(
  options: { tools?: Record<string, Partial<ClientTool> & { execute: Execute }>; keptAnswers?: number; holdPreparation?: boolean; preparationError?: Error } = {},
) {
  const stats = emptyConnectionsStats();
  const changes: ToolInvocation[] = [];
  const sent: { invocationId: string; answer: ToolAnswer }[] = [];
  /** What the next `sendAnswer` does: acknowledge (default), fail, or stay unanswered until the test settles it. */
  let delivery: 'ack' | 'fail' | 'hold' = 'ack';
  const held: { resolve(): void; reject(error: Error): void }[] = [];
  const prepared = new Map<string, PreparedTool>();
  for (const [name, tool] of Object.entries(options.tools ?? {})) {
    prepared.set(name, await prepareTool({ name, description: name, parameters: { type: 'object' }, ...tool } as ClientTool));
  }
  let releasePreparation: () => void = () => {};
  const preparationDone = options.holdPreparation ? new Promise<void>((resolve) => (releasePreparation = resolve)) : Promise.resolve();
  const preparation = { lookups: 0, release: () => releasePreparation() };
  const runner = createInvocationRunner({
    async tool(name) {
      preparation.lookups += 1;
      await preparationDone;
      if (options.preparationError) throw options.preparationError;
      return prepared.get(name);
    },
    sendAnswer(invocationId, answer) {
      sent.push({ invocationId, answer });
      if (delivery === 'fail') return Promise.reject(new Error('disconnected'));
      if (delivery === 'hold') return new Promise((resolve, reject) => held.push({ resolve, reject }));
      return Promise.resolve();
    },
    count: (stat) => (stats[stat] += 1),
    onChange: (invocation) => changes.push(invocation),
    defaultTimeoutMs: 1_000,
    ...(options.keptAnswers === undefined ? {} : { keptAnswers: options.keptAnswers }),
  });
  const deliveries = {
    set: (next: typeof delivery) => (delivery = next),
    held,
  };
  return { runner, stats, changes, sent, deliveries, preparation };
}

type Runner = ReturnType<typeof createInvocationRunner>;

const request = (invocationId: string, name = 'echo', args: unknown = { text: 'hi' }): OpenInvocation => ({
  invocationId,
  threadId: 'thread-1',
  toolCallId: `call-${invocationId}`,
  name,
  args,
});

/** A tool whose call the test finishes by hand. */
function deferredTool() {
  const calls: { args: unknown; context: ToolExecutionContext; resolve(value: unknown): void; reject(error: unknown): void }[] = [];
  const execute = vi.fn(
    (args: unknown, context: ToolExecutionContext) =>
      new Promise((resolve, reject) => {
        calls.push({ args, context, resolve, reject });
      }),
  );
  return { execute, calls };
}

describe('createInvocationRunner', () => {
  it('runs a tool once with its arguments and context, and sends its result', async () => {
    const execute = vi.fn((args: unknown, _context: ToolExecutionContext) => ({ echoed: args }));
    const { runner, sent, stats, changes } = await setup({ tools: { echo: { execute } } });
    runner.invoke(request('inv-1'));
    await settled();
    expect(execute).toHaveBeenCalledTimes(1);
    expect(execute.mock.calls[0]![0]).toEqual({ text: 'hi' });
    expect(execute.mock.calls[0]![1]).toMatchObject({ threadId: 'thread-1', toolCallId: 'call-inv-1', invocationId: 'inv-1' });
    expect(sent).toEqual([{ invocationId: 'inv-1', answer: { result: { echoed: { text: 'hi' } } } }]);
    expect(runner.get('inv-1')).toMatchObject({ state: 'succeeded', result: { echoed: { text: 'hi' } }, delivery: 'acknowledged' });
    expect(changes.map(({ state, delivery }) => `${state}/${delivery}`)).toEqual(['running/none', 'running/none', 'succeeded/pending', 'succeeded/acknowledged']);
    expect(stats).toMatchObject({ invocations: 1, answersSent: 1, answersAcknowledged: 1 });
  });

  it('does not run a repeated invocation again and re-sends the kept answer', async () => {
    const execute = vi.fn(() => 'done');
    const { runner, sent, stats } = await setup({ tools: { echo: { execute } } });
    runner.invoke(request('inv-1'));
    await settled();
    runner.invoke(request('inv-1'));
    await settled();
    expect(execute).toHaveBeenCalledTimes(1);
    expect(sent.map(({ answer }) => answer)).toEqual([{ result: 'done' }, { result: 'done' }]);
    expect(stats).toMatchObject({ invocations: 1, duplicateInvocations: 1, answersSent: 2, answersAcknowledged: 2 });
  });

  it('answers nothing yet to a repeat of an invocation still running, and sends its answer once', async () => {
    const tool = deferredTool();
    const { runner, sent, stats } = await setup({ tools: { echo: { execute: tool.execute } } });
    runner.invoke(request('inv-1'));
    await settled();
    expect(tool.execute).toHaveBeenCalledTimes(1);
    runner.invoke(request('inv-1'));
    await settled();
    expect(sent).toEqual([]);
    tool.calls[0]!.resolve('late');
    await settled();
    expect(tool.execute).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([{ invocationId: 'inv-1', answer: { result: 'late' } }]);
    expect(stats.duplicateInvocations).toBe(1);
  });

  it('runs a repeat that arrives while the tool is still being prepared once, and sends its answer once', async () => {
    const tool = deferredTool();
    const { runner, sent, stats, preparation } = await setup({ tools: { echo: { execute: tool.execute } }, holdPreparation: true });
    runner.invoke(request('inv-1'));
    runner.invoke(request('inv-1'));
    await settled();
    expect(tool.execute).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    preparation.release();
    await settled();
    runner.invoke(request('inv-1'));
    tool.calls[0]!.resolve('prepared once');
    await settled();
    expect(tool.execute).toHaveBeenCalledTimes(1);
    expect(preparation.lookups).toBe(1);
    expect(sent).toEqual([{ invocationId: 'inv-1', answer: { result: 'prepared once' } }]);
    expect(stats).toMatchObject({ invocations: 1, duplicateInvocations: 2, answersSent: 1 });
  });

  it('answers tool_failed when the tool cannot be prepared', async () => {
    const execute = vi.fn();
    const { runner, sent, stats } = await setup({ tools: { echo: { execute } }, preparationError: new Error('the validator did not load') });
    runner.invoke(request('inv-1'));
    await settled();
    expect(execute).not.toHaveBeenCalled();
    expect(sent).toEqual([{ invocationId: 'inv-1', answer: { error: { code: 'tool_failed', message: 'echo could not be prepared: the validator did not load' } } }]);
    expect(stats.invocations).toBe(0);
  });

  it.each([
    ['a JSON Schema', { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] }],
    ['a valibot schema', v.object({ count: v.pipe(v.number(), v.integer()) })],
  ])('answers invalid_args without running when the arguments do not match %s', async (_what, parameters) => {
    const execute = vi.fn();
    const { runner, sent, stats } = await setup({ tools: { count: { execute, parameters } } });
    runner.invoke(request('inv-1', 'count', { count: 1.5 }));
    await settled();
    expect(execute).not.toHaveBeenCalled();
    expect(sent).toEqual([{ invocationId: 'inv-1', answer: { error: { code: 'invalid_args', message: expect.stringContaining('count') } } }]);
    expect(runner.get('inv-1')).toMatchObject({ state: 'failed', error: { code: 'invalid_args' } });
    expect(stats).toMatchObject({ invalidArgs: 1, invocations: 0 });
  });

  it('runs the tool with what a valibot schema produced', async () => {
    const execute = vi.fn();
    const { runner } = await setup({ tools: { trim: { execute, parameters: v.object({ text: v.pipe(v.string(), v.trim()) }) } } });
    runner.invoke(request('inv-1', 'trim', { text: '  padded  ' }));
    await settled();
    expect(execute.mock.calls[0]![0]).toEqual({ text: 'padded' });
  });

  it('answers unknown_tool for a tool this client does not offer', async () => {
    const { runner, sent, stats } = await setup();
    runner.invoke(request('inv-1', 'missing'));
    await settled();
    expect(sent).toEqual([{ invocationId: 'inv-1', answer: { error: { code: 'unknown_tool', message: expect.stringContaining('missing') } } }]);
    expect(runner.get('inv-1')).toMatchObject({ state: 'failed', delivery: 'acknowledged' });
    expect(stats).toMatchObject({ invocations: 0, invalidArgs: 0 });
  });

  it.each([
    ['throws an Error', () => { throw new Error('the filter panel is closed'); }, 'the filter panel is closed'],
    ['rejects with an Error', () => Promise.reject(new Error('no rows')), 'no rows'],
    ['throws a string', () => { throw 'plain text'; }, 'plain text'],
  ])('answers tool_failed with the message when the tool %s', async (_what, execute, message) => {
    const { runner, sent } = await setup({ tools: { echo: { execute } } });
    runner.invoke(request('inv-1'));
    await settled();
    expect(sent).toEqual([{ invocationId: 'inv-1', answer: { error: { code: 'tool_failed', message } } }]);
  });

  it('times out: aborts the signal with a TimeoutError, answers timeout, and never sends the late result', async () => {
    const tool = deferredTool();
    const { runner, sent, stats } = await setup({ tools: { echo: { execute: tool.execute, timeoutMs: 500 } } });
    vi.useFakeTimers();
    runner.invoke(request('inv-1'));
    await vi.advanceTimersByTimeAsync(0);
    const { signal } = tool.calls[0]!.context;
    await vi.advanceTimersByTimeAsync(499);
    expect(signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
    expect(sent).toEqual([{ invocationId: 'inv-1', answer: { error: { code: 'timeout', message: expect.stringContaining('500 ms') } } }]);
    tool.calls[0]!.resolve('too late');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(runner.get('inv-1')).toMatchObject({ state: 'failed', error: { code: 'timeout' } });
    expect(stats.timeouts).toBe(1);
  });

  it('uses the default timeout when the tool names none, and no timer outlives a finished call', async () => {
    const tool = deferredTool();
    const { runner, sent } = await setup({ tools: { echo: { execute: tool.execute }, quick: { execute: () => 'ok' } } });
    vi.useFakeTimers();
    runner.invoke(request('inv-1'));
    runner.invoke(request('inv-2', 'quick'));
    await vi.advanceTimersByTimeAsync(999);
    expect(sent.map(({ invocationId }) => invocationId)).toEqual(['inv-2']);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map(({ invocationId, answer }) => [invocationId, 'error' in answer ? answer.error.code : 'result'])).toEqual([
      ['inv-2', 'result'],
      ['inv-1', 'timeout'],
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancel aborts the signal, marks the invocation cancelled and sends nothing, even when the tool finishes after', async () => {
    const tool = deferredTool();
    const { runner, sent, stats } = await setup({ tools: { echo: { execute: tool.execute } } });
    vi.useFakeTimers();
    runner.invoke(request('inv-1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(tool.execute).toHaveBeenCalledTimes(1);
    runner.cancel('inv-1', 'turn-cancelled');
    const { signal } = tool.calls[0]!.context;
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('AbortError');
    expect(runner.get('inv-1')).toMatchObject({ state: 'cancelled', error: { code: 'cancelled', message: 'turn-cancelled' }, delivery: 'none' });
    tool.calls[0]!.resolve('finished anyway');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toEqual([]);
    expect(runner.get('inv-1')?.state).toBe('cancelled');
    runner.resendPending();
    expect(sent).toEqual([]);
    expect(stats).toMatchObject({ cancellations: 1, timeouts: 0 });
  });

  it('ignores a cancel of an invocation that already has its answer', async () => {
    const { runner, sent, stats } = await setup({ tools: { echo: { execute: () => 'done' } } });
    runner.invoke(request('inv-1'));
    await settled();
    runner.cancel('inv-1', 'timeout');
    runner.cancel('unknown', 'timeout');
    expect(runner.get('inv-1')?.state).toBe('succeeded');
    expect(sent).toHaveLength(1);
    expect(stats.cancellations).toBe(0);
  });

  it('keeps an answer whose sending failed pending and sends it again on resendPending, until acknowledged', async () => {
    const { runner, sent, stats, deliveries } = await setup({ tools: { echo: { execute: () => 'done' } } });
    deliveries.set('fail');
    runner.invoke(request('inv-1'));
    await settled();
    expect(runner.get('inv-1')?.delivery).toBe('pending');
    deliveries.set('ack');
    runner.resendPending();
    await settled();
    expect(sent.map(({ answer }) => answer)).toEqual([{ result: 'done' }, { result: 'done' }]);
    expect(runner.get('inv-1')?.delivery).toBe('acknowledged');
    runner.resendPending();
    await settled();
    expect(sent).toHaveLength(2);
    expect(stats).toMatchObject({ answersSent: 2, answersAcknowledged: 1 });
  });

  it('does not send an answer again while its sending is still unanswered', async () => {
    const { runner, sent, deliveries } = await setup({ tools: { echo: { execute: () => 'done' } } });
    deliveries.set('hold');
    runner.invoke(request('inv-1'));
    await settled();
    runner.resendPending();
    runner.invoke(request('inv-1'));
    expect(sent).toHaveLength(1);
    deliveries.held[0]!.reject(new Error('dropped'));
    await settled();
    deliveries.set('ack');
    runner.resendPending();
    await settled();
    expect(sent).toHaveLength(2);
    expect(runner.get('inv-1')?.delivery).toBe('acknowledged');
  });

  it.each([
    ['a BigInt', () => ({ total: 10n })],
    ['a cycle', () => {
      const node: Record<string, unknown> = {};
      node.self = node;
      return node;
    }],
    ['a function', () => () => 1],
  ])('answers invalid_result when the result holds %s', async (_what, execute) => {
    const { runner, sent } = await setup({ tools: { echo: { execute } } });
    runner.invoke(request('inv-1'));
    await settled();
    expect(sent).toEqual([{ invocationId: 'inv-1', answer: { error: { code: 'invalid_result', message: expect.stringContaining('echo') } } }]);
  });

  it('sends undefined as null, and a result as the JSON data it stands for', async () => {
    const date = new Date(0);
    const { runner, sent } = await setup({ tools: { nothing: { execute: () => undefined }, dated: { execute: async () => ({ at: date, skip: undefined }) } } });
    runner.invoke(request('inv-1', 'nothing'));
    runner.invoke(request('inv-2', 'dated'));
    await settled();
    expect(sent).toEqual([
      { invocationId: 'inv-1', answer: { result: null } },
      { invocationId: 'inv-2', answer: { result: { at: date.toISOString() } } },
    ]);
  });

  it('forgets the oldest acknowledged answers past keptAnswers, never one still pending or running', async () => {
    const running = deferredTool();
    const { runner, sent, deliveries } = await setup({ keptAnswers: 3, tools: { echo: { execute: () => 'done' }, slow: { execute: running.execute } } });
    runner.invoke(request('acked-1'));
    await settled();
    runner.invoke(request('running', 'slow'));
    deliveries.set('fail');
    runner.invoke(request('pending'));
    await settled();
    deliveries.set('ack');
    runner.invoke(request('acked-2'));
    runner.invoke(request('acked-3'));
    await settled();
    expect(runner.get('acked-1')).toBeUndefined();
    expect(runner.get('acked-2')).toBeUndefined();
    expect(runner.get('running')?.state).toBe('running');
    expect(runner.get('pending')?.delivery).toBe('pending');
    expect(runner.get('acked-3')?.delivery).toBe('acknowledged');
    sent.length = 0;
    runner.resendPending();
    await settled();
    expect(sent.map(({ invocationId }) => invocationId)).toEqual(['pending']);
  });

  it('sends nothing after dispose, aborting what still runs', async () => {
    const tool = deferredTool();
    const { runner, sent, stats } = await setup({ tools: { echo: { execute: tool.execute } } });
    runner.invoke(request('inv-1'));
    await settled();
    expect(tool.execute).toHaveBeenCalledTimes(1);
    runner.dispose();
    const { signal } = tool.calls[0]!.context;
    expect(signal.aborted).toBe(true);
    tool.calls[0]!.reject(signal.reason);
    await settled();
    runner.resendPending();
    expect(sent).toEqual([]);
    expect(stats.answersSent).toBe(0);
  });

  it.each([
    ['cancelled', (runner: Runner) => runner.cancel('inv-1', 'turn-cancelled')],
    ['disposed', (runner: Runner) => runner.dispose()],
  ])('never runs an invocation %s while its tool is still being prepared, and sends nothing', async (_what, stop) => {
    const execute = vi.fn(() => 'too late');
    const { runner, sent, stats, preparation } = await setup({ tools: { echo: { execute } }, holdPreparation: true });
    vi.useFakeTimers();
    runner.invoke(request('inv-1'));
    await vi.advanceTimersByTimeAsync(0);
    stop(runner);
    preparation.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(execute).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5_000);
    runner.resendPending();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([]);
    expect(runner.get('inv-1')?.delivery).toBe('none');
    expect(stats).toMatchObject({ invocations: 0, invalidArgs: 0, timeouts: 0, answersSent: 0 });
  });
});

describe('answers the server cannot take', () => {
  it('answers result_too_large instead of sending a result over the limit', async () => {
    const { runner, sent } = await setup({ tools: { echo: { execute: () => 'x'.repeat(300 * 1024) } } });
    runner.invoke(request('inv-1'));
    await settled();
    expect(sent).toEqual([{ invocationId: 'inv-1', answer: { error: { code: 'result_too_large', message: expect.stringContaining('over the 262144 allowed') } } }]);
  });

  it('answers invalid_args when the schema itself throws on the arguments, without running the tool', async () => {
    const execute = vi.fn();
    const parameters = v.object({ url: v.pipe(v.string(), v.transform((text) => new URL(text))) });
    const { runner, sent } = await setup({ tools: { fetch_page: { execute, parameters } } });
    runner.invoke(request('inv-1', 'fetch_page', { url: 'not a url' }));
    await settled();
    expect(execute).not.toHaveBeenCalled();
    expect(sent).toEqual([{ invocationId: 'inv-1', answer: { error: { code: 'invalid_args', message: expect.stringContaining('Invalid arguments for fetch_page') } } }]);
  });
});
