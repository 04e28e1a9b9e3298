import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../../test/support/event-factory.js';
import { applyEvent } from './apply-event.js';
import { createThreadView } from './create-thread-view.js';

function withToolCall() {
  const event = createEventFactory();
  const view = [
    event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'find' } }),
    event('tool-call-start', 't1', { toolCallId: 'c1', tool: 'search', stepId: 's1' }),
  ].reduce(applyEvent, createThreadView('thread-1'));
  return { event, view };
}

describe('tool calls', () => {
  it('start adds a tool-call part and a call streaming its args', () => {
    const { view } = withToolCall();
    expect(view.messages.a1).toMatchObject({ parts: [{ type: 'tool-call', toolCallId: 'c1' }] });
    expect(view.toolCalls.c1).toEqual({
      id: 'c1',
      turnId: 't1',
      messageId: 'a1',
      tool: 'search',
      stepId: 's1',
      argsText: '',
      status: 'streaming-args',
    });
  });

  it('runs once the streamed args parse as complete JSON', () => {
    const { event, view } = withToolCall();
    const partial = ['{"q":', '"ca', 't"'].reduce(
      (current, delta) => applyEvent(current, event('tool-call-args', 't1', { toolCallId: 'c1', delta })),
      view,
    );
    expect(partial.toolCalls.c1).toMatchObject({ argsText: '{"q":"cat"', status: 'streaming-args' });
    const complete = applyEvent(partial, event('tool-call-args', 't1', { toolCallId: 'c1', delta: '} ' }));
    expect(complete.toolCalls.c1).toMatchObject({ argsText: '{"q":"cat"} ', status: 'running' });
  });

  it('succeeds with a result and fails with an error', () => {
    const { event, view } = withToolCall();
    const succeeded = applyEvent(view, event('tool-call-result', 't1', { toolCallId: 'c1', result: { hits: 2 } }));
    expect(succeeded.toolCalls.c1).toMatchObject({ status: 'succeeded', result: { hits: 2 } });
    const failed = applyEvent(view, event('tool-call-error', 't1', { toolCallId: 'c1', error: { code: 'x', message: 'y' } }));
    expect(failed.toolCalls.c1).toMatchObject({ status: 'failed', error: { code: 'x', message: 'y' } });
  });

  it('does not fall back to running when args arrive after the result', () => {
    const { event, view } = withToolCall();
    const next = [
      event('tool-call-result', 't1', { toolCallId: 'c1', result: 1 }),
      event('tool-call-args', 't1', { toolCallId: 'c1', delta: '{}' }),
    ].reduce(applyEvent, view);
    expect(next.toolCalls.c1?.status).toBe('succeeded');
  });

  it('ignores args, results and errors of an unknown call', () => {
    const { event, view } = withToolCall();
    const next = [
      event('tool-call-args', 't1', { toolCallId: 'nope', delta: '{}' }),
      event('tool-call-result', 't1', { toolCallId: 'nope', result: 1 }),
      event('tool-call-error', 't1', { toolCallId: 'nope', error: { code: 'x', message: 'y' } }),
    ].reduce(applyEvent, view);
    expect(next.toolCalls).toBe(view.toolCalls);
    expect(next.messages).toBe(view.messages);
  });
});
