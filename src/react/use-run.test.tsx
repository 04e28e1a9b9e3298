import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { useRun } from './use-run.js';

afterEach(cleanup);

describe('useRun', () => {
  it('follows the progress of a run', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    const turnId = startTurn();
    const { result } = renderHook(() => useRun('run-1'), { wrapper: Wrapper });
    push(event('run-update', turnId, { runId: 'run-1', status: 'running', progress: 40, label: 'Indexing' }));
    expect(result.current).toMatchObject({ status: 'running', progress: 40, label: 'Indexing' });
    push(event('run-update', turnId, { runId: 'run-1', status: 'succeeded', progress: 100 }));
    expect(result.current).toMatchObject({ status: 'succeeded', progress: 100 });
  });
});
