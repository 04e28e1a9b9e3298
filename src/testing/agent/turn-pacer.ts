import { sleep } from './sleep.js';

export interface TurnPacing {
  /** Delays are divided by it; 0 plays without delay. Read at every pause, so it may change while a turn plays. */
  readonly speed: number;
  /** @default `sleep`, a timer even for 0 ms */
  pause?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Scaled pauses shorter than this are merged with the next ones, or timer clamping would set the pace. */
const minPauseMs = 8;

/** Waits before each event of a turn: its delay divided by the speed, returning early when `signal` aborts. */
export function createTurnPacer(pacing: TurnPacing, signal: AbortSignal): (delayMs: number | undefined) => Promise<void> {
  const pause = pacing.pause ?? sleep;
  let owedDelayMs = 0;
  return async (delayMs) => {
    owedDelayMs += scaledDelay(delayMs, pacing.speed);
    if (owedDelayMs >= minPauseMs || owedDelayMs === 0) {
      await pause(owedDelayMs, signal);
      owedDelayMs = 0;
    }
  };
}

function scaledDelay(delayMs: number | undefined, speed: number): number {
  if (!delayMs || speed <= 0 || !Number.isFinite(speed)) return 0;
  return delayMs / speed;
}
