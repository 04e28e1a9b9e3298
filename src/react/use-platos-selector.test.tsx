import { useCallback } from 'react';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlatosState } from '../store/types.js';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { shallowEqualArrays, usePlatosSelector } from './use-platos-selector.js';

afterEach(cleanup);

describe('usePlatosSelector', () => {
  it('keeps a derived array while it is shallowly equal, and re-renders only when it changes', () => {
    const { Wrapper, client } = createPlatosHarness();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        const select = useCallback((state: PlatosState) => Object.keys(state.threads), []);
        return usePlatosSelector(select, shallowEqualArrays);
      },
      { wrapper: Wrapper },
    );
    const first = result.current;
    const rendersBefore = renders;
    act(() => client.setConnection('offline'));
    expect(result.current).toBe(first);
    expect(renders).toBe(rendersBefore);
  });

  it('re-runs a new selector against the same state', () => {
    const { Wrapper } = createPlatosHarness();
    const { result, rerender } = renderHook(
      ({ key }: { key: 'connection' | 'threads' }) => {
        const select = useCallback((state: PlatosState) => (key === 'connection' ? state.connection : 'threads'), [key]);
        return usePlatosSelector(select);
      },
      { wrapper: Wrapper, initialProps: { key: 'connection' as const } as { key: 'connection' | 'threads' } },
    );
    expect(result.current).toBe('open');
    rerender({ key: 'threads' });
    expect(result.current).toBe('threads');
  });
});
