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

export type ScenarioStep = (ScenarioEvent & { delayMs?: number }) | ApprovalWaitStep;

/** The outcome of an approval wait, handed back to a generator scenario as the value of its `yield`. */
export type ApprovalOutcome = 'approved' | 'denied' | 'expired' | 'cancelled';

/** Plays one turn: its steps, or an async generator of them that learns each approval's outcome from its `yield`. */
export type Scenario = (context: ScenarioContext) => ScenarioStep[] | AsyncGenerator<ScenarioStep, void, ApprovalOutcome | undefined>;

export function isApprovalWait(step: ScenarioStep): step is ApprovalWaitStep {
  return 'wait' in step;
}
