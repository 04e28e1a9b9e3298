import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { useStep } from './use-step.js';

afterEach(cleanup);

describe('useStep', () => {
  it('selects a step from start to finish', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    const turnId = startTurn();
    const { result } = renderHook(() => useStep('step-1'), { wrapper: Wrapper });
    push(event('step-start', turnId, { stepId: 'step-1', index: 0, name: 'plan' }));
    expect(result.current).toMatchObject({ index: 0, name: 'plan', status: 'running' });
    push(event('step-finish', turnId, { stepId: 'step-1', finishReason: 'tool-calls', usage: { inputTokens: 3, outputTokens: 4 } }));
    expect(result.current).toMatchObject({ status: 'finished', finishReason: 'tool-calls' });
  });
});
