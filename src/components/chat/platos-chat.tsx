import { useMemo, type ComponentPropsWithoutRef } from 'react';
import type { PlatosClient } from '../../client/types.js';
import { PlatosProvider } from '../../react/platos-provider.js';
import { PlatosThread } from '../../react/platos-thread.js';
import { useOptionalPlatosClient } from '../../react/use-optional-platos-client.js';
import { useOwnedClient } from '../../react/use-owned-client.js';
import {
  ChatCustomizationProvider,
  useChatComponents,
  useLabels,
  type ChatComponents,
  type ChatLabels,
  type ToolRenderers,
} from './chat-customization.js';
import { classNames } from '../shared/class-names.js';
import { Composer } from '../composer/composer.js';
import { ConnectionStatus } from './connection-status.js';
import { ErrorBanner } from './error-banner.js';
import { MessageList } from '../message/message-list.js';
import { ContentPolicyProvider, useContentPolicy, type ArtifactPolicy, type ImagePolicy, type LinkPolicy } from '../policy/content-policy.js';
import { RunTray } from '../run/run-tray.js';

export interface PlatosChatProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children' | 'title'> {
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
  /**
   * Replacements for parts of the chat: `EmptyState`, `Message`, `Composer`, `ConnectionStatus`,
   * `ErrorBanner`, `RunTray`, and message parts by type (`parts: { text: MyText }`). Keep the object stable
   * (module level or `useMemo`): a new one re-renders every part.
   * @default {}
   */
  components?: ChatComponents;
  /** Renderers for tool calls by tool name, e.g. `{ search: SearchCard }`. @default {} */
  toolRenderers?: ToolRenderers;
  /** Overrides for any text the components show, by key (each component exports its `...Labels`). @default {} */
  labels?: ChatLabels;
  /**
   * Where images in model output may load from. Images from anywhere else show a placeholder with their host and a
   * "Load image" button. When not given, the policy of a surrounding `<ContentPolicyProvider>` applies, else none:
   * only `data:image/*` (not SVG) loads without asking.
   * @default { allow: [], blocked: 'ask', remember: 'page' }
   * @example
   * <PlatosChat threadId="t1" imagePolicy={{ allow: ['https://cdn.example.com/img/'] }} />
   */
  imagePolicy?: ImagePolicy;
  /**
   * How links in model output open; `{ confirm: 'external' }` shows the full address and asks before opening.
   * When not given, a surrounding `<ContentPolicyProvider>`'s applies.
   * @default { confirm: 'never' }
   */
  linkPolicy?: LinkPolicy;
  /** Whether scripts of HTML artifacts run. When not given, a surrounding `<ContentPolicyProvider>`'s applies. @default { html: { scripts: 'ask' } } */
  artifacts?: ArtifactPolicy;
  /** An origin of the app's own serving the artifact sandbox page (see `ContentPolicy.artifactOrigin`). @default undefined */
  artifactOrigin?: string;
}

/**
 * A complete chat for one thread: header, messages, composer. Inside a `<PlatosProvider>` it uses
 * that client; otherwise pass `client`, or `url` and `token`. Parts can be replaced (`components`),
 * tool calls rendered per tool (`toolRenderers`) and every text translated (`labels`).
 * @example
 * <PlatosChat threadId="t1" url="https://agents.example.com" token={token} labels={{ jumpToLatest: 'Nach unten' }} />
 */
export function PlatosChat({ threadId, agentId, client, url, token, imagePolicy, linkPolicy, artifacts, artifactOrigin, ...rest }: PlatosChatProps) {
  const providedClient = useOptionalPlatosClient();
  const needsOwnClient = providedClient === null && client === undefined;
  const ownedClient = useOwnedClient(needsOwnClient && url !== undefined && token !== undefined ? { url, token, agentId } : null);
  const surrounding = useContentPolicy();

  const chatClient = providedClient ? null : (client ?? ownedClient);
  if (!providedClient && !chatClient) throw new Error('PlatosChat needs a client: render it inside a <PlatosProvider>, or pass `client`, or `url` and `token`.');
  // Each chat has its own provider, so a user's "Load image" choices stay in the chat they were made in.
  const layout = (
    <ContentPolicyProvider
      imagePolicy={imagePolicy ?? surrounding.images}
      linkPolicy={linkPolicy ?? surrounding.links}
      artifacts={artifacts ?? surrounding.artifacts}
      artifactOrigin={artifactOrigin ?? surrounding.artifactOrigin}
    >
      <ChatLayout threadId={threadId} {...rest} />
    </ContentPolicyProvider>
  );
  return chatClient ? <PlatosProvider client={chatClient}>{layout}</PlatosProvider> : layout;
}

type ChatLayoutProps = Omit<PlatosChatProps, 'agentId' | 'client' | 'url' | 'token'>;

const noToolRenderers: ToolRenderers = {};
const noLabels: ChatLabels = {};
const noComponents: ChatComponents = {};

function ChatLayout({
  threadId,
  title,
  components = noComponents,
  toolRenderers = noToolRenderers,
  labels = noLabels,
  className,
  ...rest
}: ChatLayoutProps) {
  const customization = useMemo(() => ({ components, toolRenderers, labels }), [components, toolRenderers, labels]);
  return (
    <PlatosThread threadId={threadId}>
      <ChatCustomizationProvider value={customization}>
        <ChatSection title={title} className={className} {...rest} />
      </ChatCustomizationProvider>
    </PlatosThread>
  );
}

export const platosChatLabels = { chatTitle: 'Assistant', chatEmptyState: 'Ask anything to get started.' } as const;

type ChatSectionProps = Omit<ChatLayoutProps, 'threadId' | 'components' | 'toolRenderers' | 'labels'>;

function ChatSection({ title, className, ...rest }: ChatSectionProps) {
  const labels = useLabels(platosChatLabels);
  const {
    EmptyState = DefaultEmptyState,
    Composer: ComposerComponent = Composer,
    ConnectionStatus: ConnectionStatusComponent = ConnectionStatus,
    ErrorBanner: ErrorBannerComponent = ErrorBanner,
    RunTray: RunTrayComponent = RunTray,
  } = useChatComponents();
  const shownTitle = title ?? labels.chatTitle;
  return (
    <section aria-label={shownTitle} className={classNames('platos-chat', className)} {...rest}>
      <header className="platos-chat-header">
        <h2 className="platos-chat-title">{shownTitle}</h2>
        <ConnectionStatusComponent />
      </header>
      <ErrorBannerComponent />
      <MessageList emptyState={<EmptyState />} />
      <RunTrayComponent className="platos-chat-run-tray" show="active" />
      <ComposerComponent />
    </section>
  );
}

function DefaultEmptyState() {
  const labels = useLabels(platosChatLabels);
  return <p className="platos-chat-empty">{labels.chatEmptyState}</p>;
}
