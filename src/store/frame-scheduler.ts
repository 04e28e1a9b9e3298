import type { FrameScheduler } from './types.js';

export interface AnimationFrameSchedulerOptions {
  /**
   * How long to wait for an animation frame before flushing anyway where frames do not come: a hidden page pauses
   * them, and Node has none.
   * @default 100
   */
  fallbackMs?: number;
  /**
   * The same wait on a visible page. Frames come there, only late under load, and a late frame is still the time to
   * render: a timer flush just before it would render twice in one frame.
   * @default 1000
   */
  visibleFallbackMs?: number;
}

/**
 * Flushes on the next animation frame or after the fallback delay (`fallbackMs` while the page is hidden or has no
 * frames, `visibleFallbackMs` while it is visible), whichever comes first; the other one is cancelled.
 * @example const scheduler = createAnimationFrameScheduler({ fallbackMs: 50 });
 */
export function createAnimationFrameScheduler(options: AnimationFrameSchedulerOptions = {}): FrameScheduler {
  const { fallbackMs = 100, visibleFallbackMs = 1_000 } = options;
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
      const hasFrames = typeof globalThis.requestAnimationFrame === 'function';
      const visible = hasFrames && globalThis.document?.visibilityState === 'visible';
      const timerId = setTimeout(run, visible ? visibleFallbackMs : fallbackMs);
      if (hasFrames) frameId = globalThis.requestAnimationFrame(run);
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
