// The approval family, exported as `Approval` from `@platosdev/client/react`.
export { ApprovalPrompt as Prompt, type ApprovalPromptProps as PromptProps } from './approval-prompt.js';
export { ApprovalCountdown as Countdown, type ApprovalCountdownProps as CountdownProps } from './approval-countdown.js';
export { ApprovalStatus as Status, type ApprovalStatusProps as StatusProps } from './approval-status.js';
