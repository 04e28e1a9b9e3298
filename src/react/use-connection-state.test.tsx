import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { useConnectionState } from './use-connection-state.js';

afterEach(cleanup);

describe('useConnectionState', () => {
  it('follows the client connection', () => {
    const { Wrapper, client } = createPlatosHarness();
    const { result } = renderHook(() => useConnectionState(), { wrapper: Wrapper });
    expect(result.current).toBe('open');
    act(() => client.setConnection('reconnecting'));
    expect(result.current).toBe('reconnecting');
    act(() => client.setConnection('unauthorized'));
    expect(result.current).toBe('unauthorized');
  });
});
