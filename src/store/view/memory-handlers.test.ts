import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../../test/support/event-factory.js';
import { applyEvent } from './apply-event.js';
import { createThreadView } from './create-thread-view.js';

describe('memory', () => {
  it('writes and recall results become parts in order', () => {
    const event = createEventFactory();
    const view = [
      event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'remember' } }),
      event('memory-write', 't1', { memoryId: 'm1', content: 'likes tea', scope: 'user' }),
      event('memory-recall-result', 't1', { query: 'drinks', memories: [{ memoryId: 'm1', content: 'likes tea', score: 0.9 }] }),
      event('memory-write', 't1', { memoryId: 'm2', content: 'no scope' }),
    ].reduce(applyEvent, createThreadView('thread-1'));
    expect(view.messages.a1).toMatchObject({
      parts: [
        { type: 'memory-write', memoryId: 'm1', content: 'likes tea', scope: 'user' },
        { type: 'memory-recall', query: 'drinks', memories: [{ memoryId: 'm1', content: 'likes tea', score: 0.9 }] },
        { type: 'memory-write', memoryId: 'm2', content: 'no scope' },
      ],
    });
    const lastPart = view.messages.a1?.role === 'assistant' ? view.messages.a1.parts[2] : undefined;
    expect(lastPart && 'scope' in lastPart).toBe(false);
  });
});
