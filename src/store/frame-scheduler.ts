import type { FrameScheduler } from './types.js';

export interface AnimationFrameSchedulerOptions {
  /**
   * How long to wait for an animation frame before flushing anyway: hidden tabs pause frames, and Node has none.
   * @default 100
   */
  fallbackMs?: number;
}

/**
 * Flushes on the next animation frame or after `fallbackMs`, whichever comes first; the other one is cancelled.
 * @example const scheduler = createAnimationFrameScheduler({ fallbackMs: 50 });
 */
export function createAnimationFrameScheduler(options: AnimationFrameSchedulerOptions = {}): FrameScheduler {
  const { fallbackMs = 100 } = options;
  return {
    schedule(flush) {
      let done = false;
      let frameId: number | undefined;
      const cancel = () => {
        done = true;
        clearTimeout(timerId);
        if (frameId !== undefined) globalThis.cancelAnimationFrame?.(frameId);
      };
      const run = () => {
        if (done) return;
        cancel();
        flush();
      };
      const timerId = setTimeout(run, fallbackMs);
      if (typeof globalThis.requestAnimationFrame === 'function') frameId = globalThis.requestAnimationFrame(run);
      return cancel;
    },
  };
}

export interface ManualScheduler extends FrameScheduler {
  /** Runs every flush scheduled so far, as one animation frame would. */
  runFrame(): void;
  /** How many flushes wait for the next frame. */
  pending(): number;
}

/** A scheduler whose frames run only when a test calls `runFrame`. */
export function createManualScheduler(): ManualScheduler {
  let queued: (() => void)[] = [];
  return {
    schedule(flush) {
      const entry = () => flush();
      queued.push(entry);
      return () => {
        queued = queued.filter((candidate) => candidate !== entry);
      };
    },
    runFrame() {
      const frame = queued;
      queued = [];
      for (const flush of frame) flush();
    },
    pending: () => queued.length,
  };
}
