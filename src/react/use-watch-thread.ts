import { useEffect } from 'react';
import { usePlatosStore } from './use-platos-store.js';

/** Keeps the store receiving a thread's updates while the calling component is mounted. */
export function useWatchThread(threadId: string): void {
  const store = usePlatosStore();
  useEffect(() => store.watchThread(threadId), [store, threadId]);
}
