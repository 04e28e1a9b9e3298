import type { ComponentProps } from 'react';
import type { ConnectionState, ThreadSyncState } from '../client/types';
import { useConnectionState } from '../react/use-connection-state';
import { useReconnect } from '../react/use-reconnect';
import { useThreadActions } from '../react/use-thread-actions';
import { useThreadStalled } from '../react/use-thread-stalled';
import { useThreadSync } from '../react/use-thread-sync';
import type { ThreadOption } from '../react/use-thread-id';
import { classNames } from './class-names';
import './styles/tokens.css';
import './styles/chat.css';

export interface ErrorBannerProps extends Omit<ComponentProps<'div'>, 'children'>, ThreadOption {}

type Problem = 'unauthorized' | 'offline' | 'closed' | 'sync-error' | 'stalled';

function problemOf(connection: ConnectionState, sync: ThreadSyncState | 'idle', stalled: boolean): Problem | null {
  if (connection === 'unauthorized' || connection === 'offline' || connection === 'closed') return connection;
  if (sync === 'error') return 'sync-error';
  return stalled ? 'stalled' : null;
}

const messages: Record<Problem, (detail?: string) => string> = {
  unauthorized: () => 'The server did not accept the access token.',
  offline: () => 'You are offline. Messages you send now will go out once the connection is back.',
  closed: () => 'The connection was closed.',
  'sync-error': (detail) => `This conversation could not be loaded: ${detail ?? 'unknown error'}`,
  stalled: () => 'The agent has stopped responding.',
};

/**
 * Shown when the connection or the thread's sync is in trouble, with a way to try again; renders nothing
 * otherwise. Waits that ended (offline, refused token, failed sync) always land here, so nothing looks stuck.
 */
export function ErrorBanner({ threadId, className, ...rest }: ErrorBannerProps) {
  const { sync, error } = useThreadSync({ threadId });
  const connection = useConnectionState();
  const reconnect = useReconnect();
  const { resync } = useThreadActions({ threadId });
  const stalled = useThreadStalled({ threadId });
  const problem = problemOf(connection, sync, stalled);
  if (problem === null) return null;
  return (
    <div role="alert" data-state={problem} className={classNames('platos-error-banner', className)} {...rest}>
      <span>{messages[problem](error?.message)}</span>
      {problem !== 'closed' && (
        <button type="button" className="platos-link-button" onClick={problem === 'stalled' ? resync : reconnect}>
          Try again
        </button>
      )}
    </div>
  );
}
