export { PlatosProvider, type PlatosProviderProps } from './react/platos-provider';
export { PlatosThread, type PlatosThreadProps } from './react/platos-thread';
export { usePlatosClient } from './react/use-platos-client';
export { usePlatosStore } from './react/use-platos-store';
export { usePlatosStream, type PlatosStream, type PlatosStreamOptions } from './react/use-platos-stream';
export { usePlatosSelector } from './react/use-platos-selector';
export { useMessage } from './react/use-message';
export { useMessageIds } from './react/use-message-ids';
export { useToolCall } from './react/use-tool-call';
export { useArtifact } from './react/use-artifact';
export { useApproval, type ApprovalSelection } from './react/use-approval';
export { useRun } from './react/use-run';
export { useStep } from './react/use-step';
export { usePendingMessages } from './react/use-pending-messages';
export { useConnectionState } from './react/use-connection-state';
export { useIsConnected } from './react/use-is-connected';
export { useReconnect } from './react/use-reconnect';
export { useThreadStalled } from './react/use-thread-stalled';
export { useThreadActions, type ThreadActions } from './react/use-thread-actions';
export { useThreadStatus } from './react/use-thread-status';
export { useThreadSync, type ThreadSyncSelection } from './react/use-thread-sync';
export { useOwnedClient, type OwnedClientOptions } from './react/use-owned-client';
export type { ThreadOption } from './react/use-thread-id';
export type { ThreadStatus } from './react/thread-status';

export { PlatosChat, platosChatLabels, type PlatosChatProps } from './components/platos-chat';
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
} from './components/chat-customization';
export { MessageList, messageListLabels, type MessageListProps } from './components/message-list';
export { Message, messageLabels, type MessageProps } from './components/message';
export { MessagePart } from './components/message-part';
export { MessageText, type MessageTextProps } from './components/message-text';
export { CodeBlock, codeBlockLabels, type CodeBlockProps, type CodeBlockState } from './components/markdown/code-block';
export { ToolCallCard, toolCallCardLabels, type ToolCallCardProps } from './components/tool-call-card';
export { TruncatedCode, type TruncatedCodeProps } from './components/truncated-code';
export { closePartialJson, createPartialJsonReader, formatPartialJson } from './components/partial-json';
export { ArtifactView, artifactLabels } from './components/artifact-view';
export { ApprovalPrompt, approvalPromptLabels, type ApprovalPromptProps } from './components/approval-prompt';
export { ApprovalCountdown, type ApprovalCountdownProps } from './components/approval-countdown';
export { ApprovalStatus, type ApprovalStatusProps } from './components/approval-status';
export { approvalCountdownLabels } from './components/approval-labels';
export { VisibleText } from './components/visible-text';
export { revealHiddenCharacters, type VisibleSegment } from './components/visible-characters';
export { useCountdown } from './components/use-countdown';
export { RunProgress } from './components/run-progress';
export { runLabels } from './components/run-bar';
export { RunTray, RunTrayItem, type RunTrayProps } from './components/run-tray';
export { useRunIds, type RunIdsOptions } from './react/use-run-ids';
export { StepMarker, stepMarkerLabels } from './components/step-marker';
export { MemoryNote, memoryNoteLabels } from './components/memory-note';
export { ErrorNote, errorNoteLabels } from './components/error-note';
export { ErrorBanner, errorBannerLabels } from './components/error-banner';
export { Composer, composerLabels, type ComposerProps } from './components/composer';
export { ConnectionStatus, connectionStatusLabels } from './components/connection-status';
export { PendingMessage, pendingMessageLabels } from './components/pending-message';
export { MessageFooter, messageFooterLabels } from './components/message-footer';
export {
  ContentPolicyProvider,
  useContentPolicy,
  type ArtifactPolicy,
  type ArtifactScripts,
  type ContentPolicy,
  type ContentPolicyProviderProps,
  type ImagePolicy,
  type LinkPolicy,
} from './components/policy/content-policy';
export { isImageUrlAllowed } from './components/policy/image-allow-list';
export { PolicedImage, imageLabels, type PolicedImageProps } from './components/policy/policed-image';
export { SafeLink, type SafeLinkProps } from './components/policy/safe-link';
export { linkLabels } from './components/policy/link-confirm';
export { artifactSandboxPageHtml, artifactSandboxPageUrl } from './components/artifact/artifact-sandbox-page';
