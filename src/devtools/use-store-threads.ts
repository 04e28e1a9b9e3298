import { useSyncExternalStore } from 'react';
import type { PlatosState, ReadonlyPlatosStore } from '../store/types.js';

/** Every thread's state; only the open panel calls it, so a closed panel holds no store subscription. */
export function useStoreThreads(store: ReadonlyPlatosStore): PlatosState['threads'] {
  const read = () => store.getState().threads;
  return useSyncExternalStore(store.subscribe, read, read);
}
