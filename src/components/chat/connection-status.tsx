import type { ComponentPropsWithoutRef } from 'react';
import type { ConnectionState, ThreadSyncState } from '../../client/types.js';
import { useConnectionState } from '../../react/use-connection-state.js';
import { useThreadSync } from '../../react/use-thread-sync.js';
import type { ThreadOption } from '../../react/use-thread-id.js';
import { useLabels } from './chat-customization.js';
import { classNames } from '../shared/class-names.js';

export interface ConnectionStatusProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'>, ThreadOption {}

type ShownState = Exclude<ConnectionState, 'open'> | ThreadSyncState | 'idle';

export const connectionStatusLabels = {
  connectionConnecting: 'Connecting',
  connectionReconnecting: 'Reconnecting',
  connectionOffline: 'Offline',
  connectionUnauthorized: 'Unauthorized',
  connectionClosed: 'Disconnected',
  connectionIdle: 'Connected',
  connectionSubscribing: 'Syncing',
  connectionResyncing: 'Resyncing',
  connectionLive: 'Live',
  connectionError: 'Sync failed',
} as const satisfies Record<`connection${Capitalize<ShownState>}`, string>;

const labelKeys = {
  connecting: 'connectionConnecting',
  reconnecting: 'connectionReconnecting',
  offline: 'connectionOffline',
  unauthorized: 'connectionUnauthorized',
  closed: 'connectionClosed',
  idle: 'connectionIdle',
  subscribing: 'connectionSubscribing',
  resyncing: 'connectionResyncing',
  live: 'connectionLive',
  error: 'connectionError',
} as const satisfies Record<ShownState, keyof typeof connectionStatusLabels>;

/** A small pill: the connection state while not open, else the thread's sync state. */
export function ConnectionStatus({ threadId, className, ...rest }: ConnectionStatusProps) {
  const connection = useConnectionState();
  const { sync } = useThreadSync({ threadId });
  const shown: ShownState = connection === 'open' ? sync : connection;
  const labels = useLabels(connectionStatusLabels);
  return (
    <span
      role="status"
      data-state={shown}
      data-connection={connection}
      data-sync={sync}
      className={classNames('platos-connection-status', className)}
      {...rest}
    >
      <span className="platos-connection-dot" aria-hidden="true" />
      {labels[labelKeys[shown]]}
    </span>
  );
}
