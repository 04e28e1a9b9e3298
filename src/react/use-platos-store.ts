import type { PlatosStore } from '../store/types';
import { usePlatosContext } from './use-platos-context';

/** The store of the nearest `<PlatosProvider>`; throws outside one. */
export function usePlatosStore(): PlatosStore {
  return usePlatosContext('usePlatosStore').store;
}
