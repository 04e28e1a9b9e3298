import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { PlatosClient } from '../client/types';
import { createPlatosStore } from '../store/create-platos-store';
import type { PlatosStore } from '../store/types';
import { createDeferredResource, type DeferredResource } from './deferred-disposal';
import { PlatosContext, type PlatosContextValue } from './platos-context';

export interface PlatosProviderProps {
  client: PlatosClient;
  /** A store you own; when omitted the provider creates one per client and destroys it on unmount. */
  store?: PlatosStore;
  children?: ReactNode;
}

/**
 * Provides a client and its store to the hooks below it.
 * @example
 * <PlatosProvider client={client}><PlatosChat threadId="t1" /></PlatosProvider>
 */
export function PlatosProvider({ client, store: givenStore, children }: PlatosProviderProps) {
  const ownedStores = useRef<DeferredResource<PlatosClient, PlatosStore> | null>(null);
  ownedStores.current ??= createDeferredResource(
    (owner) => createPlatosStore({ client: owner }),
    (store) => store.destroy(),
  );
  const store = givenStore ?? ownedStores.current.get(client);

  useEffect(() => {
    if (givenStore) return;
    return ownedStores.current?.retain(client);
  }, [client, givenStore]);

  const value = useMemo<PlatosContextValue>(() => ({ client, store }), [client, store]);
  return <PlatosContext value={value}>{children}</PlatosContext>;
}
