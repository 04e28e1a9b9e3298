import type { PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';

/** Commands go out now when the socket is connected, whether or not a thread is resyncing. */
const selectIsConnected = (state: PlatosState) => state.connection === 'open' || state.connection === 'resyncing';

/** Whether what the user sends goes out now (`true`) or waits in the queue for the connection (`false`). */
export function useIsConnected(): boolean {
  return usePlatosSelector(selectIsConnected);
}
