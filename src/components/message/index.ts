// The message family, exported as `Message` from `@platosdev/client/react`.
export { Message as Root, type MessageProps as RootProps } from './message.js';
export { MessageList as List, type MessageListProps as ListProps } from './message-list.js';
export { MessagePart as Part, type MessagePartProps as PartProps } from './message-part.js';
export { MessageText as Text, type MessageTextProps as TextProps } from './message-text.js';
export { MessageFooter as Footer, type MessageFooterProps as FooterProps } from './message-footer.js';
export { PendingMessage as Pending, type PendingMessageProps as PendingProps } from './pending-message.js';
