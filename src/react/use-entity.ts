import { useCallback, useEffect } from 'react';
import type { EntityRecord } from '../client/connections/types.js';
import { entityKey } from '../store/entity-keys.js';
import type { PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { usePlatosStore } from './use-platos-store.js';

/** An entity as `useEntity` returns it, with its value typed by the caller. */
export interface Entity<T> extends EntityRecord {
  value: T | undefined;
}

/**
 * The latest version of one entity from the connections gateway (opening it on first use); re-renders, at most
 * once per frame, only when that entity changes. `undefined` until the gateway reported it.
 * @example
 * const workspace = useEntity<{ openTasks: number }>('workspace', 'demo');
 */
export function useEntity<T = unknown>(entityType: string, entityId: string): Entity<T> | undefined {
  const store = usePlatosStore();
  useEffect(() => store.watchEntity(entityType, entityId), [store, entityType, entityId]);
  const select = useCallback((state: PlatosState) => state.entities[entityKey(entityType, entityId)] as Entity<T> | undefined, [entityType, entityId]);
  return usePlatosSelector(select);
}
