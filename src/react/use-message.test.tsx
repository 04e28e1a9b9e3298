import type { ReactNode } from 'react';
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { PlatosProvider } from './platos-provider.js';
import { useMessage } from './use-message.js';

afterEach(cleanup);

describe('useMessage', () => {
  it('selects one message and keeps it when a sibling changes', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    const user = renderHook(() => useMessage('user-1'), { wrapper: Wrapper });
    const assistant = renderHook(() => useMessage('assistant-1'), { wrapper: Wrapper });
    const turnId = startTurn(1, 'Question');
    const userBefore = user.result.current;
    expect(userBefore).toMatchObject({ role: 'user', text: 'Question' });

    push(event('text-delta', turnId, { messageId: 'assistant-1', delta: 'Answer' }));
    expect(assistant.result.current).toMatchObject({ role: 'assistant', parts: [{ type: 'text', text: 'Answer' }] });
    expect(user.result.current).toBe(userBefore);
  });

  it('is undefined for an unknown id', () => {
    const { Wrapper } = createPlatosHarness();
    const { result } = renderHook(() => useMessage('nope'), { wrapper: Wrapper });
    expect(result.current).toBeUndefined();
  });

  it('reads another thread through the threadId option, and needs one without a <PlatosThread>', () => {
    const { client, store, startTurn } = createPlatosHarness();
    const stopWatching = store.watchThread('thread-1');
    startTurn();
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <PlatosProvider client={client} store={store}>
        {children}
      </PlatosProvider>
    );
    const { result } = renderHook(() => useMessage('user-1', { threadId: 'thread-1' }), { wrapper });
    expect(result.current?.id).toBe('user-1');
    expect(() => renderHook(() => useMessage('user-1'), { wrapper })).toThrow(/PlatosThread/);
    stopWatching();
  });
});
