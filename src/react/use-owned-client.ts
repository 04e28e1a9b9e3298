import { useEffect, useRef } from 'react';
import { createPlatosClient } from '../client/create-platos-client.js';
import type { PlatosClient } from '../client/types.js';
import { createDeferredResource, type DeferredResource } from './deferred-disposal.js';

export interface OwnedClientOptions {
  url: string;
  token: string;
  /** @default 'default' */
  agentId?: string;
  /** @default ['websocket', 'polling'] */
  transports?: ('websocket' | 'polling')[];
}

/**
 * Creates a client for the calling component and closes it on unmount (unlike `useMemo`, which StrictMode runs
 * twice, leaving a spare client with an open socket); a new url, token or agent
 * gives a new client. Pass `null` to create none (when a client comes from elsewhere).
 */
export function useOwnedClient(options: OwnedClientOptions | null): PlatosClient | null {
  const clients = useRef<DeferredResource<string, PlatosClient> | null>(null);
  clients.current ??= createDeferredResource(
    (key) => createPlatosClient(JSON.parse(key) as OwnedClientOptions),
    (client) => client.close(),
  );
  const key = options
    ? JSON.stringify({ url: options.url, token: options.token, agentId: options.agentId ?? 'default', transports: options.transports })
    : null;
  const client = key === null ? null : clients.current.get(key);

  useEffect(() => {
    if (key === null) return;
    return clients.current?.retain(key);
  }, [key]);

  return client;
}
