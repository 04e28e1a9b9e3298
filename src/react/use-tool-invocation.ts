import { useCallback } from 'react';
import type { ToolInvocation } from '../client/connections/types.js';
import { toolCallKey } from '../store/entity-keys.js';
import type { PlatosState } from '../store/types.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';
import { usePlatosSelector } from './use-platos-selector.js';

/**
 * The run of a browser-side tool for this tool call, if the agent called one of this browser's tools with it.
 * @example
 * const invocation = useToolInvocation(toolCallId);
 * if (invocation?.state === 'running') return <Spinner />;
 */
export function useToolInvocation(toolCallId: string, options?: ThreadOption): ToolInvocation | undefined {
  const threadId = useThreadId(options);
  const select = useCallback((state: PlatosState) => state.toolInvocations[toolCallKey(threadId, toolCallId)], [threadId, toolCallId]);
  return usePlatosSelector(select);
}
