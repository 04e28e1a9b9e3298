import type { PlatosStore } from '../store/types.js';
import { usePlatosContext } from './use-platos-context.js';

/** The store of the nearest `<PlatosProvider>`; throws outside one. */
export function usePlatosStore(): PlatosStore {
  return usePlatosContext('usePlatosStore').store;
}
