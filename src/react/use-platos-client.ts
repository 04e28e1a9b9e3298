import type { PlatosClient } from '../client/types.js';
import { usePlatosContext } from './use-platos-context.js';

/** The client of the nearest `<PlatosProvider>`; throws outside one. */
export function usePlatosClient(): PlatosClient {
  return usePlatosContext('usePlatosClient').client;
}
