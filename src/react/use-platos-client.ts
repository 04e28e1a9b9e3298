import type { PlatosClient } from '../client/types';
import { usePlatosContext } from './use-platos-context';

/** The client of the nearest `<PlatosProvider>`; throws outside one. */
export function usePlatosClient(): PlatosClient {
  return usePlatosContext('usePlatosClient').client;
}
