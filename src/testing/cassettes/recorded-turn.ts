import type { EventBody } from '../scenarios/bind-scenario-event.js';

/** One event of a recorded turn, without its envelope; never a `turn-start`. */
export interface RecordedEvent {
  /** How long after the turn's previous event (or its `turn-start`) it came. */
  delayMs: number;
  body: EventBody;
  /** Of an `approval-pending` with `expiresAt`: the time it had left when it was sent, known when the recording has its `ts`. */
  expiresInMs?: number;
}

/** A turn as it was recorded: the user's message and the agent's events, ids as they were. */
export interface RecordedTurn {
  /** The thread it was recorded on; null for events recorded without their envelope. */
  threadId: string | null;
  /** The user's message, from `turn-start` or the `message:send` that started the turn; null when the recording has neither. */
  userText: string | null;
  /** The assistant message, from `turn-start` or the first `text-delta`; null when the recording has neither. */
  messageId: string | null;
  events: RecordedEvent[];
}

/** The turns of a recording, in the order their first events came. */
export interface RecordedTurns {
  turns: RecordedTurn[];
  /** Frames left out because they are not valid events. */
  invalidFrames: number;
  /** Why the first of them was left out, e.g. `frame 3: messageId: Invalid type: ...`. */
  firstInvalidReason?: string;
  /** Frames left out because an earlier frame of the thread had the same event id (a resume replays what came before). */
  duplicateFrames: number;
}
