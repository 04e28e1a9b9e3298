import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { useApproval } from './use-approval.js';

afterEach(cleanup);

describe('useApproval', () => {
  it('selects the approval and the response of this client', async () => {
    const { Wrapper, startTurn, push, event, store } = createPlatosHarness();
    const turnId = startTurn();
    const { result } = renderHook(() => useApproval('ap-1'), { wrapper: Wrapper });
    expect(result.current).toEqual({ approval: undefined, response: undefined });
    push(event('approval-pending', turnId, { approvalId: 'ap-1', tool: 'send_email', args: { to: 'a@b.c' } }));
    expect(result.current.approval).toMatchObject({ tool: 'send_email', state: 'pending' });
    const before = result.current;

    await act(() => store.respondToApproval('thread-1', 'ap-1', 'denied'));
    expect(result.current.response).toEqual({ decision: 'denied', state: 'sent' });
    expect(result.current.approval).toBe(before.approval);

    push(event('approval-resolved', turnId, { approvalId: 'ap-1', decision: 'denied' }));
    expect(result.current.approval?.state).toBe('denied');
  });
});
