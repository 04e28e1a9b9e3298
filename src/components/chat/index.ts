// The chat's frame and customization, exported as `Chat` from `@platosdev/client/react`.
export { ConnectionStatus, type ConnectionStatusProps } from './connection-status.js';
export { ErrorBanner, type ErrorBannerProps } from './error-banner.js';
export {
  ChatCustomizationProvider as CustomizationProvider,
  useChatComponents as useComponents,
  type ChatCustomization as Customization,
  type ChatComponents as Components,
  type MessagePartRendererProps,
  type MessagePartRenderers,
  type ToolRendererProps,
  type ToolRenderers,
} from './chat-customization.js';
export { useChatLabels as useLabels } from './use-chat-labels.js';
