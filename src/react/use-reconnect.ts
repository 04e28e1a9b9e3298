import { useCallback } from 'react';
import { usePlatosClient } from './use-platos-client.js';

/** Retries now: reconnects when disconnected, or re-syncs threads whose sync failed. */
export function useReconnect(): () => void {
  const client = usePlatosClient();
  return useCallback(() => client.reconnect(), [client]);
}
