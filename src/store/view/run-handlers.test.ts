import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../../test/support/event-factory.js';
import { applyEvent } from './apply-event.js';
import { createThreadView } from './create-thread-view.js';

describe('runs', () => {
  it('the first update creates the run and its part, later ones update it without new parts', () => {
    const event = createEventFactory();
    const first = [
      event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'build' } }),
      event('run-update', 't1', { runId: 'r1', status: 'queued', progress: 0, label: 'Build', etaMs: 5000 }),
    ].reduce(applyEvent, createThreadView('thread-1'));
    expect(first.runs.r1).toEqual({
      id: 'r1',
      turnId: 't1',
      messageId: 'a1',
      status: 'queued',
      progress: 0,
      label: 'Build',
      etaMs: 5000,
      updatedAt: 1_700_000_000_002,
    });

    const later = [
      event('run-update', 't1', { runId: 'r1', status: 'running', progress: 40, etaMs: 3000 }),
      event('run-update', 't1', { runId: 'r1', status: 'succeeded', progress: 100 }),
    ].reduce(applyEvent, first);
    expect(later.runs.r1).toEqual({
      id: 'r1',
      turnId: 't1',
      messageId: 'a1',
      status: 'succeeded',
      progress: 100,
      label: 'Build',
      updatedAt: 1_700_000_000_004,
    });
    expect(later.messages.a1).toMatchObject({ parts: [{ type: 'run', runId: 'r1' }] });
    expect(later.messages).toBe(first.messages);
  });
});
