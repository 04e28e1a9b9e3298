import { useSyncExternalStore } from 'react';
import type { GatewayState } from '../client/connections/types.js';
import { usePlatosClient } from './use-platos-client.js';

/** The connections gateway's state: `idle` until a tool or entity opens it, then as `useConnectionState`. */
export function useConnectionsState(): GatewayState {
  const { connections } = usePlatosClient();
  return useSyncExternalStore(connections.subscribe, connections.getState, connections.getState);
}
