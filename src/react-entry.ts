// Providers and the drop-in chat.
export { PlatosProvider, type PlatosProviderProps } from './react/platos-provider.js';
export { PlatosThread, type PlatosThreadProps } from './react/platos-thread.js';
export { PlatosChat, type PlatosChatProps } from './components/chat/platos-chat.js';
export { platosLabels, type PlatosLabels } from './components/chat/platos-labels.js';
export { preloadPlatosParts } from './components/chat/preload-parts.js';

// Hooks: the client, the store, and one thread's entities.
export { usePlatosClient } from './react/use-platos-client.js';
export { usePlatosStore } from './react/use-platos-store.js';
export { usePlatosStream, type PlatosStream, type PlatosStreamOptions } from './react/use-platos-stream.js';
export { usePlatosSelector } from './react/use-platos-selector.js';
export { useThreadSelector, type ThreadSelectorOptions } from './react/use-thread-selector.js';
export { useMessage } from './react/use-message.js';
export { useMessageIds } from './react/use-message-ids.js';
export { useToolCall } from './react/use-tool-call.js';
export { useArtifact } from './react/use-artifact.js';
export { useApproval, type ApprovalSelection } from './react/use-approval.js';
export { useRun } from './react/use-run.js';
export { useRunIds, type RunIdsOptions } from './react/use-run-ids.js';
export { useStep } from './react/use-step.js';
export { usePendingMessages } from './react/use-pending-messages.js';
export { useConnectionState } from './react/use-connection-state.js';
export { useIsConnected } from './react/use-is-connected.js';
export { useReconnect } from './react/use-reconnect.js';
export { useThreadStalled } from './react/use-thread-stalled.js';
export { useThreadActions, type ThreadActions } from './react/use-thread-actions.js';
export { useThreadStatus } from './react/use-thread-status.js';
export { useThreadSync, type ThreadSyncSelection } from './react/use-thread-sync.js';
export { useThreadCached } from './react/use-thread-cached.js';
export { useDraft } from './react/use-draft.js';
export { useOwnedClient, type OwnedClientOptions } from './react/use-owned-client.js';

// The connections gateway: tools that run in this browser, and entities.
export { useClientTool, type UseClientToolOptions } from './react/use-client-tool.js';
export type { ClientToolRender, ClientToolRenderProps } from './react/client-tool-renders.js';
export { useClientToolRender } from './react/use-client-tool-render.js';
export { useToolInvocation } from './react/use-tool-invocation.js';
export { useEntity, type Entity } from './react/use-entity.js';
export { useConnectionsState } from './react/use-connections-state.js';
export type { ThreadOption } from './react/use-thread-id.js';
export type { ThreadStatus } from './react/thread-status.js';

// Components by family: `<Message.List />`, `<Approval.Prompt id={...} />`, `<Run.Progress id={...} />`.
export * as Chat from './components/chat/index.js';
export * as Composer from './components/composer/index.js';
export * as Message from './components/message/index.js';
export * as Markdown from './components/markdown/index.js';
export * as ToolCall from './components/tool-call/index.js';
export * as Artifact from './components/artifact/index.js';
export * as Approval from './components/approval/index.js';
export * as Run from './components/run/index.js';
export * as Notes from './components/notes/index.js';
export * as Policy from './components/policy/index.js';
