import type { ComponentProps } from 'react';
import type { PlatosClient } from '../client/types';
import { PlatosProvider } from '../react/platos-provider';
import { PlatosThread } from '../react/platos-thread';
import { useOptionalPlatosClient } from '../react/use-optional-platos-client';
import { useOwnedClient } from '../react/use-owned-client';
import { classNames } from './class-names';
import { Composer } from './composer';
import { ConnectionStatus } from './connection-status';
import { ErrorBanner } from './error-banner';
import { MessageList } from './message-list';
import './styles/tokens.css';
import './styles/chat.css';

export interface PlatosChatProps extends Omit<ComponentProps<'section'>, 'children' | 'title'> {
  threadId: string;
  /** @default 'default' */
  agentId?: string;
  /** Used when there is no surrounding `<PlatosProvider>`. */
  client?: PlatosClient;
  /** With `token`, creates a client owned by this component when there is no provider and no `client`. */
  url?: string;
  token?: string;
  /** @default 'Assistant' */
  title?: string;
}

/**
 * A complete chat for one thread: header, messages, composer. Inside a `<PlatosProvider>` it uses
 * that client; otherwise pass `client`, or `url` and `token`.
 * @example
 * <PlatosChat threadId="t1" url="https://agents.example.com" token={token} />
 */
export function PlatosChat({ threadId, agentId, client, url, token, ...rest }: PlatosChatProps) {
  const providedClient = useOptionalPlatosClient();
  const needsOwnClient = providedClient === null && client === undefined;
  const ownedClient = useOwnedClient(needsOwnClient && url !== undefined && token !== undefined ? { url, token, agentId } : null);

  if (providedClient) return <ChatLayout threadId={threadId} {...rest} />;
  const chatClient = client ?? ownedClient;
  if (!chatClient) throw new Error('PlatosChat needs a client: render it inside a <PlatosProvider>, or pass `client`, or `url` and `token`.');
  return (
    <PlatosProvider client={chatClient}>
      <ChatLayout threadId={threadId} {...rest} />
    </PlatosProvider>
  );
}

type ChatLayoutProps = Omit<PlatosChatProps, 'agentId' | 'client' | 'url' | 'token'>;

function ChatLayout({ threadId, title = 'Assistant', className, ...rest }: ChatLayoutProps) {
  return (
    <PlatosThread threadId={threadId}>
      <section aria-label={title} className={classNames('platos-chat', className)} {...rest}>
        <header className="platos-chat-header">
          <h2 className="platos-chat-title">{title}</h2>
          <ConnectionStatus />
        </header>
        <ErrorBanner />
        <MessageList emptyState={<p>Ask anything to get started.</p>} />
        <Composer />
      </section>
    </PlatosThread>
  );
}
