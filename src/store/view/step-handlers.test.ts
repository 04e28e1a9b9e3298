import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../../test/support/event-factory.js';
import { applyEvent } from './apply-event.js';
import { createThreadView } from './create-thread-view.js';

describe('steps', () => {
  const event = createEventFactory();
  const started = [
    event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } }),
    event('step-start', 't1', { stepId: 's1', index: 0, name: 'plan' }),
  ].reduce(applyEvent, createThreadView('thread-1'));

  it('start adds a step part and a running step', () => {
    expect(started.messages.a1).toMatchObject({ parts: [{ type: 'step', stepId: 's1' }] });
    expect(started.steps.s1).toEqual({ id: 's1', turnId: 't1', index: 0, name: 'plan', status: 'running' });
  });

  it('finish records reason and usage', () => {
    const usage = { inputTokens: 1, outputTokens: 2 };
    const next = applyEvent(started, event('step-finish', 't1', { stepId: 's1', finishReason: 'tool-calls', usage }));
    expect(next.steps.s1).toEqual({
      id: 's1',
      turnId: 't1',
      index: 0,
      name: 'plan',
      status: 'finished',
      finishReason: 'tool-calls',
      usage,
    });
  });

  it('ignores the finish of an unknown step and a repeated start', () => {
    const next = [
      event('step-finish', 't1', { stepId: 'nope' }),
      event('step-start', 't1', { stepId: 's1', index: 5 }),
    ].reduce(applyEvent, started);
    expect(next.steps).toBe(started.steps);
    expect(next.messages).toBe(started.messages);
  });
});
