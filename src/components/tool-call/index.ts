// The tool-call family, exported as `ToolCall` from `@platosdev/client/react`.
export { ToolCallCard as Card, type ToolCallCardProps as CardProps } from './tool-call-card.js';
export { TruncatedCode as Code, type TruncatedCodeProps as CodeProps } from './truncated-code.js';
