import { useCallback } from 'react';
import type { ThreadState } from '../store/types.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

/** True while the thread shows its view saved in this browser and the server has not confirmed it yet. */
export function useThreadCached(options?: ThreadOption): boolean {
  const select = useCallback((thread: ThreadState | undefined) => thread?.cached ?? false, []);
  return useThreadSelector(select, options);
}
