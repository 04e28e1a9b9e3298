import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../../test/support/event-factory.js';
import { applyEvent } from './apply-event.js';
import { createThreadView } from './create-thread-view.js';

function twoTurns() {
  const event = createEventFactory();
  const view = [
    event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'one' } }),
    event('finish', 't1', { finishReason: 'stop', usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 0 }),
    event('turn-start', 't2', { messageId: 'a2', userMessage: { id: 'u2', text: 'two' } }),
  ].reduce(applyEvent, createThreadView('thread-1'));
  return { event, view };
}

describe('text-delta', () => {
  it('appends consecutive deltas to one text part', () => {
    const { event, view } = twoTurns();
    const next = ['Hel', 'lo', '!'].reduce(
      (current, delta) => applyEvent(current, event('text-delta', 't2', { messageId: 'a2', delta })),
      view,
    );
    expect(next.messages.a2).toMatchObject({ parts: [{ type: 'text', text: 'Hello!' }] });
  });

  it('starts a new text part after a non-text part', () => {
    const { event, view } = twoTurns();
    const next = [
      event('text-delta', 't2', { messageId: 'a2', delta: 'before' }),
      event('tool-call-start', 't2', { toolCallId: 'c1', tool: 'search' }),
      event('text-delta', 't2', { messageId: 'a2', delta: 'after' }),
    ].reduce(applyEvent, view);
    expect(next.messages.a2).toMatchObject({
      parts: [
        { type: 'text', text: 'before' },
        { type: 'tool-call', toolCallId: 'c1' },
        { type: 'text', text: 'after' },
      ],
    });
  });

  it('keeps every other message and entity map by identity', () => {
    const { event, view } = twoTurns();
    const next = applyEvent(view, event('text-delta', 't2', { messageId: 'a2', delta: 'x' }));
    expect(next.messages.a1).toBe(view.messages.a1);
    expect(next.messages.u2).toBe(view.messages.u2);
    expect(next.messages.a2).not.toBe(view.messages.a2);
    expect(next.toolCalls).toBe(view.toolCalls);
    expect(next.messageIds).toBe(view.messageIds);
    expect(next.lastEventId).toBe('e1-4');
  });
});
