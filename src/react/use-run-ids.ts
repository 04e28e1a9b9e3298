import { useCallback, useMemo } from 'react';
import type { RunView } from '../protocol/index.js';
import type { PlatosState, ThreadView } from '../store/types.js';
import { shallowEqualArrays, usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

export interface RunIdsOptions extends ThreadOption {
  /**
   * `'created'`: in the order the runs appear in the thread. `'active-first'`: queued and running
   * runs first, each group in thread order. `'active-only'`: only queued and running runs.
   * @default 'created'
   */
  order?: 'created' | 'active-first' | 'active-only';
}

const noIds: readonly string[] = [];

function isActive(run: RunView | undefined): boolean {
  return run?.status === 'queued' || run?.status === 'running';
}

/** Run ids in message order, then part order; a run part is added together with its run. */
function runIdsInThreadOrder(view: ThreadView): string[] {
  const ids: string[] = [];
  for (const messageId of view.messageIds) {
    const message = view.messages[messageId];
    if (message?.role !== 'assistant') continue;
    for (const part of message.parts) if (part.type === 'run') ids.push(part.runId);
  }
  return ids;
}

/**
 * The thread's background run ids. Keeps its identity while no run is added and, with
 * `order: 'active-first'`, while no run changes between active and done, so progress updates
 * re-render only the runs themselves.
 * @example
 * const runIds = useRunIds({ order: 'active-first' });
 */
export function useRunIds(options?: RunIdsOptions): readonly string[] {
  const threadId = useThreadId(options);
  const order = options?.order ?? 'created';
  // The thread-order scan walks every message, so it is cached on the two inputs that can change it.
  const cache = useMemo(() => ({ runs: null as ThreadView['runs'] | null, messageIds: null as string[] | null, ids: noIds }), []);
  const select = useCallback(
    (state: PlatosState) => {
      const view = state.threads[threadId]?.view;
      if (!view) return noIds;
      if (cache.runs !== view.runs || cache.messageIds !== view.messageIds) {
        cache.runs = view.runs;
        cache.messageIds = view.messageIds;
        cache.ids = runIdsInThreadOrder(view);
      }
      if (order === 'created') return cache.ids;
      const active = cache.ids.filter((id) => isActive(view.runs[id]));
      if (order === 'active-only') return active.length === 0 ? noIds : active;
      return active.length === 0 ? cache.ids : [...active, ...cache.ids.filter((id) => !isActive(view.runs[id]))];
    },
    [threadId, order, cache],
  );
  return usePlatosSelector<readonly string[]>(select, shallowEqualArrays);
}
