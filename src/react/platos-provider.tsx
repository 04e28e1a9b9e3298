import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { PlatosClient } from '../client/types.js';
import { createPlatosStore } from '../store/create-platos-store.js';
import type { PlatosStore } from '../store/types.js';
import { createDeferredResource, type DeferredResource } from './deferred-disposal.js';
import { PlatosContext, type PlatosContextValue } from './platos-context.js';

export interface PlatosProviderProps {
  client: PlatosClient;
  /** A store you own; when omitted the provider creates one per client and destroys it on unmount. */
  store?: PlatosStore;
  /**
   * `eventLogLimit` of the stores the provider creates: how many events each thread's log keeps. Read on the
   * provider's first render; ignored with `store`.
   * @default 1000
   */
  eventLogLimit?: number;
  children?: ReactNode;
}

/**
 * Provides a client and its store to the hooks below it.
 * @example
 * <PlatosProvider client={client}><PlatosChat threadId="t1" /></PlatosProvider>
 */
export function PlatosProvider({ client, store: givenStore, eventLogLimit, children }: PlatosProviderProps) {
  const ownedStores = useRef<DeferredResource<PlatosClient, PlatosStore> | null>(null);
  ownedStores.current ??= createDeferredResource(
    (owner) => createPlatosStore({ client: owner, eventLogLimit }),
    (store) => store.destroy(),
  );
  const store = givenStore ?? ownedStores.current.get(client);

  useEffect(() => {
    if (givenStore) return;
    return ownedStores.current?.retain(client);
  }, [client, givenStore]);

  const value = useMemo<PlatosContextValue>(() => ({ client, store }), [client, store]);
  return <PlatosContext.Provider value={value}>{children}</PlatosContext.Provider>;
}
