import type { ComponentPropsWithoutRef } from 'react';
import type { ConnectionState, ThreadSyncState } from '../../client/types.js';
import { useConnectionState } from '../../react/use-connection-state.js';
import { useReconnect } from '../../react/use-reconnect.js';
import { useThreadActions } from '../../react/use-thread-actions.js';
import { useThreadStalled } from '../../react/use-thread-stalled.js';
import { useThreadSync } from '../../react/use-thread-sync.js';
import type { ThreadOption } from '../../react/use-thread-id.js';
import { useLabels } from './chat-customization.js';
import { classNames } from '../shared/class-names.js';

export interface ErrorBannerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'>, ThreadOption {}

type Problem = 'unauthorized' | 'offline' | 'closed' | 'sync-error' | 'stalled';

function problemOf(connection: ConnectionState, sync: ThreadSyncState | 'idle', stalled: boolean): Problem | null {
  if (connection === 'unauthorized' || connection === 'offline' || connection === 'closed') return connection;
  if (sync === 'error') return 'sync-error';
  return stalled ? 'stalled' : null;
}

export const errorBannerLabels = {
  bannerUnauthorized: 'The server did not accept the access token.',
  bannerOffline: 'You are offline. Messages you send now will go out once the connection is back.',
  bannerClosed: 'The connection was closed.',
  bannerSyncError: 'This conversation could not be loaded: {error}',
  bannerStalled: 'The agent has stopped responding.',
  bannerTryAgain: 'Try again',
} as const;

const problemLabel = {
  unauthorized: 'bannerUnauthorized',
  offline: 'bannerOffline',
  closed: 'bannerClosed',
  'sync-error': 'bannerSyncError',
  stalled: 'bannerStalled',
} as const satisfies Record<Problem, keyof typeof errorBannerLabels>;

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
  const labels = useLabels(errorBannerLabels);
  if (problem === null) return null;
  return (
    <div role="alert" data-state={problem} className={classNames('platos-error-banner', className)} {...rest}>
      <span>{labels[problemLabel[problem]].replace('{error}', error?.message ?? 'unknown error')}</span>
      {problem !== 'closed' && (
        <button type="button" className="platos-link-button" onClick={problem === 'stalled' ? resync : reconnect}>
          {labels.bannerTryAgain}
        </button>
      )}
    </div>
  );
}
