import type { ComponentProps } from 'react';
import { useConnectionState } from '../react/use-connection-state';
import { useThreadSync } from '../react/use-thread-sync';
import type { ThreadOption } from '../react/use-thread-id';
import { classNames } from './class-names';
import './styles/tokens.css';
import './styles/chat.css';

export interface ErrorBannerProps extends Omit<ComponentProps<'div'>, 'children'>, ThreadOption {}

/** Shown when the thread could not be synced or the server refused the token; renders nothing otherwise. */
export function ErrorBanner({ threadId, className, ...rest }: ErrorBannerProps) {
  const { sync, error } = useThreadSync({ threadId });
  const connection = useConnectionState();
  const message =
    connection === 'unauthorized'
      ? 'The server did not accept the access token.'
      : sync === 'error'
        ? `This conversation could not be loaded: ${error?.message ?? 'unknown error'}`
        : null;
  if (message === null) return null;
  return (
    <div role="alert" data-state={connection === 'unauthorized' ? 'unauthorized' : 'sync-error'} className={classNames('platos-error-banner', className)} {...rest}>
      {message}
    </div>
  );
}
