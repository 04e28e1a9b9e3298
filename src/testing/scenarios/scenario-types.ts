import type { EventPayload, EventType } from '../../protocol/index.js';

/** What a scenario sees of the message it answers. */
export interface ScenarioContext {
  userText: string;
  /** How many turns the thread had before this one, starting at 0. */
  turnIndex: number;
  random?: () => number;
}

type PlainEventType = Exclude<EventType, 'turn-start' | 'text-delta' | 'approval-pending' | 'finish'>;

/**
 * An event without its envelope. The server fills in the envelope, the assistant `messageId` of
 * `text-delta`, `expiresAt` of `approval-pending` (from `expiresInMs`) and `durationMs` of `finish`.
 * Entity ids (tool calls, artifacts, steps, runs, approvals) are local to the turn: the server
 * prefixes them with the turn id so a scenario can be played many times in one thread.
 */
export type ScenarioEvent =
  | { [T in PlainEventType]: { type: T } & EventPayload<T> }[PlainEventType]
  | { type: 'text-delta'; delta: string }
  | ({ type: 'approval-pending'; expiresInMs?: number } & Omit<EventPayload<'approval-pending'>, 'expiresAt'>)
  | ({ type: 'finish'; durationMs?: number } & Omit<EventPayload<'finish'>, 'durationMs'>);

/** Pauses the turn until the approval is answered, expires or the turn is cancelled. */
export interface ApprovalWaitStep {
  wait: 'approval';
  approvalId: string;
  delayMs?: number;
}

/**
 * Calls the browser-side tool `tool` of one of the sender's gateway sessions and pauses the turn until it answers,
 * fails, times out or the turn is cancelled. The scenario emits `tool-call-start` and `tool-call-args` for
 * `toolCallId` before it; the server then emits its `tool-call-result` or `tool-call-error`.
 */
export interface ClientToolWaitStep {
  wait: 'client-tool';
  toolCallId: string;
  tool: string;
  args: unknown;
  /** How long the browser has to answer. @default the server's `clientToolTimeoutMs` */
  timeoutMs?: number;
  delayMs?: number;
}

export type WaitStep = ApprovalWaitStep | ClientToolWaitStep;

export type ScenarioStep = (ScenarioEvent & { delayMs?: number }) | WaitStep;

/** The outcome of an approval wait, handed back to a generator scenario as the value of its `yield`. */
export type ApprovalOutcome = 'approved' | 'denied' | 'expired' | 'cancelled';

/**
 * The outcome of a client-tool wait, handed back to a generator scenario as the value of its `yield`: the browser's
 * result, or the error it answered with, or one of the server's: `tool_unavailable`, `timeout`, `client_gone`, `cancelled`.
 */
export type ClientToolOutcome = { result: unknown } | { error: { code: string; message: string } };

/** What a wait step hands back to a generator scenario; `undefined` after any other step. */
export type StepOutcome = ApprovalOutcome | ClientToolOutcome;

/** Plays one turn: its steps, or an async generator of them that learns each wait's outcome from its `yield`. */
export type Scenario = (context: ScenarioContext) => ScenarioStep[] | AsyncGenerator<ScenarioStep, void, StepOutcome | undefined>;

export function isWaitStep(step: ScenarioStep): step is WaitStep {
  return 'wait' in step;
}

export function isApprovalWait(step: ScenarioStep): step is ApprovalWaitStep {
  return isWaitStep(step) && step.wait === 'approval';
}

export function isClientToolWait(step: ScenarioStep): step is ClientToolWaitStep {
  return isWaitStep(step) && step.wait === 'client-tool';
}
