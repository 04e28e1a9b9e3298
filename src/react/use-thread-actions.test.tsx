import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { usePendingMessages } from './use-pending-messages.js';
import { useThreadActions } from './use-thread-actions.js';
import { useThreadStatus } from './use-thread-status.js';
import { useThreadSync } from './use-thread-sync.js';

afterEach(cleanup);

describe('useThreadActions and the thread state hooks', () => {
  it('keeps the actions object stable and sends, discards and cancels for the thread', async () => {
    const { Wrapper, client, startTurn } = createPlatosHarness();
    const { result, rerender } = renderHook(
      () => ({ actions: useThreadActions(), pending: usePendingMessages(), status: useThreadStatus(), sync: useThreadSync() }),
      { wrapper: Wrapper },
    );
    const actions = result.current.actions;
    rerender();
    expect(result.current.actions).toBe(actions);

    client.reply = async () => {
      throw new Error('offline');
    };
    await act(() => actions.send('Hi'));
    expect(result.current.pending).toMatchObject([{ text: 'Hi', state: 'failed' }]);
    act(() => actions.discard(result.current.pending[0]?.clientMessageId ?? ''));
    expect(result.current.pending).toEqual([]);

    client.reply = async () => ({});
    const turnId = startTurn();
    expect(result.current.status).toBe('streaming');
    await act(() => actions.cancel());
    expect(client.calls.at(-1)).toEqual({ command: 'cancel', threadId: 'thread-1', turnId });
    expect(result.current.sync.sync).not.toBe('error');
  });
});
