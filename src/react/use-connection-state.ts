import type { ConnectionState } from '../client/types.js';
import type { PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';

const selectConnection = (state: PlatosState) => state.connection;

/** The connection state: 'connecting' | 'open' | 'reconnecting' | 'resyncing' | 'offline' | 'unauthorized' | 'closed'. */
export function useConnectionState(): ConnectionState {
  return usePlatosSelector(selectConnection);
}
