import { describe, expect, it } from 'vitest';
import type { AssistantMessageView } from '../../protocol/index.js';
import { createEventFactory } from '../../../test/support/event-factory.js';
import { applyEvent } from './apply-event.js';
import { createThreadView } from './create-thread-view.js';

const usage = { inputTokens: 3, outputTokens: 5 };

function startedView() {
  const event = createEventFactory();
  const view = applyEvent(
    createThreadView('thread-1'),
    event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'hi', clientMessageId: 'cm-1' } }),
  );
  return { event, view };
}

function assistant(view: ReturnType<typeof createThreadView>, id: string): AssistantMessageView {
  const message = view.messages[id];
  if (message?.role !== 'assistant') throw new Error(`no assistant message ${id}`);
  return message;
}

describe('turn-start', () => {
  it('adds the user message and an empty streaming assistant message, and activates the turn', () => {
    const { view } = startedView();
    expect(view.messageIds).toEqual(['u1', 'a1']);
    expect(view.messages.u1).toEqual({ id: 'u1', role: 'user', turnId: 't1', text: 'hi', clientMessageId: 'cm-1' });
    expect(view.messages.a1).toEqual({ id: 'a1', role: 'assistant', turnId: 't1', parts: [], status: 'streaming' });
    expect(view.turns.t1).toEqual({ userMessageId: 'u1', messageId: 'a1' });
    expect(view.activeTurnId).toBe('t1');
    expect(view.lastEventId).toBe('e1-1');
  });

  it('ignores a repeated turn-start of the same turn', () => {
    const { event, view } = startedView();
    const again = applyEvent(view, event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'other' } }));
    expect(again.messageIds).toEqual(['u1', 'a1']);
    expect(again.messages).toBe(view.messages);
  });

  it('puts the user message before a placeholder that was created before the turn started', () => {
    const event = createEventFactory();
    const early = applyEvent(createThreadView('thread-1'), event('text-delta', 't1', { messageId: 'a1', delta: 'x' }));
    const view = applyEvent(early, event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'hi' } }));
    expect(view.messageIds).toEqual(['u1', 'a1']);
    expect(view.turns.t1).toEqual({ userMessageId: 'u1', messageId: 'a1' });
    expect(assistant(view, 'a1').parts).toEqual([{ type: 'text', text: 'x' }]);
  });
});

describe('unknown turns', () => {
  it('gets a placeholder named after the event messageId, or after the turn when the event has none', () => {
    const event = createEventFactory();
    let view = applyEvent(createThreadView('thread-1'), event('text-delta', 't1', { messageId: 'm-x', delta: 'a' }));
    view = applyEvent(view, event('finish', 't2', { finishReason: 'stop', usage, durationMs: 1 }));
    expect(view.messageIds).toEqual(['m-x', 'assistant-t2']);
    expect(view.turns.t1).toEqual({ userMessageId: '', messageId: 'm-x' });
    expect(assistant(view, 'assistant-t2').status).toBe('finished');
    expect(view.activeTurnId).toBe('t1');
  });
});

describe('finish', () => {
  it.each([
    ['stop', 'finished'],
    ['length', 'finished'],
    ['cancelled', 'cancelled'],
    ['error', 'failed'],
  ] as const)('with reason %s sets status %s and clears the active turn', (finishReason, status) => {
    const { event, view } = startedView();
    const next = applyEvent(view, event('finish', 't1', { finishReason, usage, durationMs: 42 }));
    expect(assistant(next, 'a1')).toMatchObject({ status, finishReason, usage, durationMs: 42 });
    expect(next.activeTurnId).toBeNull();
    expect(next.messages.u1).toBe(view.messages.u1);
  });
});

describe('error', () => {
  it('keeps a retryable error inside a streaming turn', () => {
    const { event, view } = startedView();
    const next = applyEvent(view, event('error', 't1', { code: 'rate_limited', message: 'slow down', retryable: true }));
    expect(assistant(next, 'a1').parts).toEqual([{ type: 'error', code: 'rate_limited', message: 'slow down', retryable: true }]);
    expect(assistant(next, 'a1').status).toBe('streaming');
    expect(next.activeTurnId).toBe('t1');
  });

  it('fails the turn on a non-retryable error, and the following finish keeps it failed', () => {
    const { event, view } = startedView();
    const failed = applyEvent(view, event('error', 't1', { code: 'model_down', message: 'gone', retryable: false }));
    expect(assistant(failed, 'a1').status).toBe('failed');
    expect(failed.activeTurnId).toBeNull();
    const finished = applyEvent(failed, event('finish', 't1', { finishReason: 'error', usage, durationMs: 9 }));
    expect(assistant(finished, 'a1')).toMatchObject({ status: 'failed', finishReason: 'error' });
  });
});
