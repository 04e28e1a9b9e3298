import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { useRunIds } from './use-run-ids.js';

afterEach(cleanup);

describe('useRunIds', () => {
  it('lists runs in thread order, active first on request, and ignores progress updates', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        return { created: useRunIds(), activeFirst: useRunIds({ order: 'active-first' }) };
      },
      { wrapper: Wrapper },
    );
    expect(result.current.created).toEqual([]);

    const first = startTurn(1);
    push(event('run-update', first, { runId: '10', status: 'running', progress: 10 }));
    push(event('run-update', first, { runId: 'b', status: 'running', progress: 10 }));
    push(event('finish', first, { finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 1 }));
    const second = startTurn(2);
    push(event('run-update', second, { runId: 'a', status: 'queued', progress: 0 }));
    expect(result.current.created).toEqual(['10', 'b', 'a']);
    expect(result.current.activeFirst).toEqual(['10', 'b', 'a']);

    push(event('run-update', first, { runId: '10', status: 'succeeded', progress: 100 }));
    expect(result.current.created).toEqual(['10', 'b', 'a']);
    expect(result.current.activeFirst).toEqual(['b', 'a', '10']);

    const ids = result.current;
    const rendersBefore = renders;
    for (let progress = 11; progress < 20; progress += 1) push(event('run-update', first, { runId: 'b', status: 'running', progress }));
    push(event('text-delta', second, { messageId: 'assistant-2', delta: 'token' }));
    expect(renders).toBe(rendersBefore);
    expect(result.current.created).toBe(ids.created);
    expect(result.current.activeFirst).toBe(ids.activeFirst);
  });
});
