import { describe, expect, it } from 'vitest';
import { createThreadState } from '../store/thread-state.js';
import type { ThreadState } from '../store/types.js';
import { threadStatus } from './thread-status.js';

function withView(patch: Partial<ThreadState['view']>, sync: ThreadState['sync'] = 'live'): ThreadState {
  const state = createThreadState('t');
  return { ...state, sync, view: { ...state.view, ...patch } };
}

describe('threadStatus', () => {
  it('is idle for an unknown or quiet thread', () => {
    expect(threadStatus(undefined)).toBe('idle');
    expect(threadStatus(withView({}))).toBe('idle');
  });

  it('is streaming while a turn is active, even when the sync failed', () => {
    expect(threadStatus(withView({ activeTurnId: 'turn-1' }, 'error'))).toBe('streaming');
  });

  it('is error after a failed sync or a failed last turn', () => {
    expect(threadStatus(withView({}, 'error'))).toBe('error');
    const failed = withView({
      messageIds: ['a-1'],
      messages: { 'a-1': { id: 'a-1', role: 'assistant', turnId: 'turn-1', parts: [], status: 'failed' } },
    });
    expect(threadStatus(failed)).toBe('error');
  });
});
