import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../../test/support/event-factory.js';
import { applyEvent } from './apply-event.js';
import { createThreadView } from './create-thread-view.js';

function withApproval() {
  const event = createEventFactory();
  const view = [
    event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'delete it' } }),
    event('approval-pending', 't1', { approvalId: 'ap1', tool: 'rm', args: { path: '/tmp/x' }, reason: 'destructive' }),
  ].reduce(applyEvent, createThreadView('thread-1'));
  return { event, view };
}

describe('approvals', () => {
  it('pending adds an approval part and a pending approval', () => {
    const { view } = withApproval();
    expect(view.messages.a1).toMatchObject({ parts: [{ type: 'approval', approvalId: 'ap1' }] });
    expect(view.approvals.ap1).toEqual({
      id: 'ap1',
      turnId: 't1',
      messageId: 'a1',
      tool: 'rm',
      args: { path: '/tmp/x' },
      reason: 'destructive',
      state: 'pending',
    });
  });

  it.each(['approved', 'denied', 'expired', 'cancelled'] as const)('resolved as %s sets that state', (decision) => {
    const { event, view } = withApproval();
    const next = applyEvent(view, event('approval-resolved', 't1', { approvalId: 'ap1', decision, resolvedBy: 'ana' }));
    expect(next.approvals.ap1).toMatchObject({ state: decision, resolvedBy: 'ana' });
  });

  it('a pending approval stays pending when its turn finishes', () => {
    const { event, view } = withApproval();
    const next = applyEvent(
      view,
      event('finish', 't1', { finishReason: 'stop', usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 1 }),
    );
    expect(next.approvals.ap1?.state).toBe('pending');
    expect(next.approvals).toBe(view.approvals);
  });

  it('ignores the resolution of an unknown approval', () => {
    const { event, view } = withApproval();
    const next = applyEvent(view, event('approval-resolved', 't1', { approvalId: 'ghost', decision: 'approved' }));
    expect(next.approvals).toBe(view.approvals);
  });
});
