export { PlatosProvider, type PlatosProviderProps } from './react/platos-provider.js';
export { PlatosThread, type PlatosThreadProps } from './react/platos-thread.js';
export { usePlatosClient } from './react/use-platos-client.js';
export { usePlatosStore } from './react/use-platos-store.js';
export { usePlatosStream, type PlatosStream, type PlatosStreamOptions } from './react/use-platos-stream.js';
export { usePlatosSelector } from './react/use-platos-selector.js';
export { useMessage } from './react/use-message.js';
export { useMessageIds } from './react/use-message-ids.js';
export { useToolCall } from './react/use-tool-call.js';
export { useArtifact } from './react/use-artifact.js';
export { useApproval, type ApprovalSelection } from './react/use-approval.js';
export { useRun } from './react/use-run.js';
export { useStep } from './react/use-step.js';
export { usePendingMessages } from './react/use-pending-messages.js';
export { useConnectionState } from './react/use-connection-state.js';
export { useIsConnected } from './react/use-is-connected.js';
export { useReconnect } from './react/use-reconnect.js';
export { useThreadStalled } from './react/use-thread-stalled.js';
export { useThreadActions, type ThreadActions } from './react/use-thread-actions.js';
export { useThreadStatus } from './react/use-thread-status.js';
export { useThreadSync, type ThreadSyncSelection } from './react/use-thread-sync.js';
export { useOwnedClient, type OwnedClientOptions } from './react/use-owned-client.js';
export type { ThreadOption } from './react/use-thread-id.js';
export type { ThreadStatus } from './react/thread-status.js';

export { PlatosChat, platosChatLabels, type PlatosChatProps } from './components/chat/platos-chat.js';
export {
  ChatCustomizationProvider,
  useChatComponents,
  useLabels,
  type ChatComponents,
  type ChatLabels,
  type MessagePartRendererProps,
  type MessagePartRenderers,
  type ToolRendererProps,
  type ToolRenderers,
} from './components/chat/chat-customization.js';
export { MessageList, messageListLabels, type MessageListProps } from './components/message/message-list.js';
export { Message, messageLabels, type MessageProps } from './components/message/message.js';
export { MessagePart } from './components/message/message-part.js';
export { MessageText, type MessageTextProps } from './components/message/message-text.js';
export { CodeBlock, codeBlockLabels, type CodeBlockProps, type CodeBlockState } from './components/markdown/code-block.js';
export { ToolCallCard, toolCallCardLabels, type ToolCallCardProps } from './components/tool-call/tool-call-card.js';
export { TruncatedCode, type TruncatedCodeProps } from './components/tool-call/truncated-code.js';
export { closePartialJson, createPartialJsonReader, formatPartialJson } from './text/partial-json.js';
export { ArtifactView, artifactLabels } from './components/artifact/artifact-view.js';
export { ApprovalPrompt, approvalPromptLabels, type ApprovalPromptProps } from './components/approval/approval-prompt.js';
export { ApprovalCountdown, type ApprovalCountdownProps } from './components/approval/approval-countdown.js';
export { ApprovalStatus, type ApprovalStatusProps } from './components/approval/approval-status.js';
export { approvalCountdownLabels } from './components/approval/approval-labels.js';
export { VisibleText } from './components/message/visible-text.js';
export { revealHiddenCharacters, type VisibleSegment } from './text/visible-characters.js';
export { useCountdown } from './components/approval/use-countdown.js';
export { RunProgress } from './components/run/run-progress.js';
export { runLabels } from './components/run/run-bar.js';
export { RunTray, RunTrayItem, type RunTrayProps } from './components/run/run-tray.js';
export { useRunIds, type RunIdsOptions } from './react/use-run-ids.js';
export { StepMarker, stepMarkerLabels } from './components/notes/step-marker.js';
export { MemoryNote, memoryNoteLabels } from './components/notes/memory-note.js';
export { ErrorNote, errorNoteLabels } from './components/notes/error-note.js';
export { ErrorBanner, errorBannerLabels } from './components/chat/error-banner.js';
export { Composer, composerLabels, type ComposerProps } from './components/composer/composer.js';
export { ConnectionStatus, connectionStatusLabels } from './components/chat/connection-status.js';
export { PendingMessage, pendingMessageLabels } from './components/message/pending-message.js';
export { MessageFooter, messageFooterLabels } from './components/message/message-footer.js';
export {
  ContentPolicyProvider,
  useContentPolicy,
  type ArtifactPolicy,
  type ArtifactScripts,
  type ContentPolicy,
  type ContentPolicyProviderProps,
  type ImagePolicy,
  type LinkPolicy,
} from './components/policy/content-policy.js';
export { isImageUrlAllowed } from './components/policy/image-allow-list.js';
export { PolicedImage, imageLabels, type PolicedImageProps } from './components/policy/policed-image.js';
export { SafeLink, type SafeLinkProps } from './components/policy/safe-link.js';
export { linkLabels } from './components/policy/link-confirm.js';
export { artifactSandboxPageHtml, artifactSandboxPageUrl } from './components/artifact/artifact-sandbox-page.js';
