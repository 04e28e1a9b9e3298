import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { useMessageIds } from './use-message-ids.js';

afterEach(cleanup);

describe('useMessageIds', () => {
  it('lists ids in order and keeps its identity while tokens stream', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        return useMessageIds();
      },
      { wrapper: Wrapper },
    );
    expect(result.current).toEqual([]);
    const turnId = startTurn();
    const ids = result.current;
    expect(ids).toEqual(['user-1', 'assistant-1']);
    const rendersAfterStart = renders;

    push(event('text-delta', turnId, { messageId: 'assistant-1', delta: 'a' }));
    push(event('text-delta', turnId, { messageId: 'assistant-1', delta: 'b' }));
    expect(result.current).toBe(ids);
    expect(renders).toBe(rendersAfterStart);
  });
});
