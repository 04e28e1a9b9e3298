import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { useToolCall } from './use-tool-call.js';

afterEach(cleanup);

describe('useToolCall', () => {
  it('follows one tool call from streamed arguments to its result', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    const turnId = startTurn();
    const { result } = renderHook(() => useToolCall('tc-1'), { wrapper: Wrapper });
    expect(result.current).toBeUndefined();
    push(event('tool-call-start', turnId, { toolCallId: 'tc-1', tool: 'search' }));
    push(event('tool-call-args', turnId, { toolCallId: 'tc-1', delta: '{"q":' }));
    expect(result.current).toMatchObject({ tool: 'search', argsText: '{"q":', status: 'streaming-args' });
    push(event('tool-call-args', turnId, { toolCallId: 'tc-1', delta: '"cats"}' }));
    push(event('tool-call-result', turnId, { toolCallId: 'tc-1', result: { hits: 3 } }));
    expect(result.current).toMatchObject({ argsText: '{"q":"cats"}', status: 'succeeded', result: { hits: 3 } });
  });
});
