import type { ConnectionState } from '../client/types';
import type { PlatosState } from '../store/types';
import { usePlatosSelector } from './use-platos-selector';

const selectConnection = (state: PlatosState) => state.connection;

/** The connection state: 'connecting' | 'open' | 'reconnecting' | 'resyncing' | 'offline' | 'unauthorized' | 'closed'. */
export function useConnectionState(): ConnectionState {
  return usePlatosSelector(selectConnection);
}
