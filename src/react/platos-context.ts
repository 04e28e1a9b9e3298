import { createContext } from 'react';
import type { PlatosClient } from '../client/types.js';
import type { PlatosStore } from '../store/types.js';

export interface PlatosContextValue {
  client: PlatosClient;
  store: PlatosStore;
}

export const PlatosContext = createContext<PlatosContextValue | null>(null);

/** The thread that `<PlatosThread>` names for the narrow hooks below it. */
export const PlatosThreadContext = createContext<string | null>(null);
