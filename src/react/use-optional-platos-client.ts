import { useContext } from 'react';
import type { PlatosClient } from '../client/types.js';
import { PlatosContext } from './platos-context.js';

/** The client of the nearest `<PlatosProvider>`, or null outside one. */
export function useOptionalPlatosClient(): PlatosClient | null {
  return useContext(PlatosContext)?.client ?? null;
}
