import type fc from 'fast-check';
import { vi } from 'vitest';
import type { createScheduledNetwork } from './network.js';

export const TICK_MS = 200;
/** How long the world may take to settle after the script ends before the run counts as stuck. */
export const SETTLE_LIMIT_MS = 180_000;
/** The longest a frame, handshake or HTTP answer may take; below the 1 s gap timeout and every ack timeout. */
export const MAX_LATENCY_MS = 800;
/** A bound on playing the script itself, so no plan can keep a run going for ever. */
const PLAYBACK_LIMIT_MS = 600_000;
const SETTLED_TICKS_REQUIRED = 5;
export const START_TIME = 1_700_000_000_000;

type Network = ReturnType<typeof createScheduledNetwork>;

/** Schedules the script's steps in order, letting the scheduler interleave network steps between them; a throwing step is recorded, not fatal. */
export function scheduleScript<TStep>(scheduler: fc.Scheduler, steps: readonly TStep[], describe: (step: TStep) => string, perform: (step: TStep) => void, network: Network) {
  return scheduler.scheduleSequence(
    steps.map((step, index) => ({
      label: `script step ${index}: ${describe(step)}`,
      builder: async () => {
        try {
          perform(step);
        } catch (error) {
          network.errors.push(error);
        }
      },
    })),
  );
}

export interface TickOptions {
  scheduler: fc.Scheduler;
  network: Network;
  playback: { done: boolean; faulty: boolean };
  stepsPerTick: () => number;
  atRest(): boolean;
  /** Once, when the script has played to its end. */
  onPlaybackEnd?(): void;
  /** After each tick of the fake clock (frames, approvals). */
  afterTick(): void;
}

/**
 * Ticks the fake clock, letting `stepsPerTick` scheduled steps run per tick, until the world has been at rest for
 * a few ticks in a row or ran out of time; `settleMs` is the fake time from the end of the script until then.
 */
export async function tickUntilRest(options: TickOptions): Promise<{ settled: boolean; settleMs: number }> {
  const { scheduler, network, playback } = options;
  let playbackEndedAt: number | null = null;
  let settledTicks = 0;
  while (settledTicks < SETTLED_TICKS_REQUIRED) {
    for (let count = options.stepsPerTick(); count > 0 && scheduler.count() > 0; count -= 1) await scheduler.waitNext(1);
    // A slow network, not a broken one: no step waits past MAX_LATENCY_MS, well inside every client timeout.
    while (scheduler.count() > 0 && Date.now() - (network.oldestWaitingSince() ?? Date.now()) > MAX_LATENCY_MS) await scheduler.waitNext(1);
    if (playback.done && playbackEndedAt === null) {
      playbackEndedAt = Date.now();
      options.onPlaybackEnd?.();
    }
    settledTicks = options.atRest() ? settledTicks + 1 : 0;
    const outOfTime = playbackEndedAt === null ? Date.now() - START_TIME > PLAYBACK_LIMIT_MS : Date.now() - playbackEndedAt > SETTLE_LIMIT_MS;
    if (playback.faulty || outOfTime) break;
    vi.advanceTimersByTime(TICK_MS);
    await new Promise<void>((resolve) => setImmediate(resolve));
    options.afterTick();
  }
  return { settled: settledTicks >= SETTLED_TICKS_REQUIRED, settleMs: playbackEndedAt === null ? 0 : Date.now() - playbackEndedAt };
}
