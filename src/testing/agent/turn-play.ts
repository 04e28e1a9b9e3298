import type { ServerEvent } from '../../protocol/index.js';
import type { EventBody } from '../scenarios/bind-scenario-event.js';
import type { ThreadRecord, TurnRecord } from './thread-store.js';

/** One turn as it plays: what a scenario or a recording needs to emit its events. */
export interface TurnPlay {
  thread: ThreadRecord;
  turn: TurnRecord;
  /** Publishes an event of the turn on its thread. */
  emit(body: EventBody): ServerEvent;
  /** Emits the server's own `finish`, with no usage and the time since the turn started. */
  finish(finishReason: 'stop' | 'cancelled' | 'error'): void;
  /** Waits for the event's delay divided by the speed. */
  pace(delayMs: number | undefined): Promise<void>;
  /** Aborted by a cancel or the server's shutdown. */
  signal: AbortSignal;
  setState(state: TurnRecord['state']): void;
  startedAt: number;
}

/** `over`: the turn emitted its `finish`. `stopped`: it ran out of events or was aborted, and the runner ends it. */
export type TurnEnding = 'over' | 'stopped';
