import type { ServerEvent } from '../../protocol/index.js';

/** The one argument of a `batch` frame: events in the order they would have gone out one by one. */
export interface BatchFrame {
  events: ServerEvent[];
}

export interface FrameBatcherOptions {
  /** Sends one `batch` frame. */
  emit(frame: BatchFrame): void;
  /** Most events in one frame; more are split over several. @default 500 */
  maxEvents?: number;
  /**
   * Starts the wait that begins with the first queued event and calls `flush` at its end; returns its cancel.
   * @default a 16 ms timer
   */
  startWindow?: (flush: () => void) => () => void;
}

const defaultBatchWindowMs = 16;

/** Whether a chat handshake asked for batched frames (`auth: { token, batch: true }`). */
export const asksForBatches = (auth: unknown): boolean => (auth as { batch?: unknown } | null)?.batch === true;

const timerWindow = (flush: () => void) => {
  const timer = setTimeout(flush, defaultBatchWindowMs);
  return () => clearTimeout(timer);
};

/**
 * Gathers one socket's outgoing events into `batch` frames. The owner calls `flush` before anything that must follow
 * the events already queued (a command's acknowledgement, a disconnect), and `dispose` once the socket is gone.
 */
export function createFrameBatcher({ emit, maxEvents = 500, startWindow = timerWindow }: FrameBatcherOptions) {
  let pending: ServerEvent[] = [];
  let cancelWindow: (() => void) | null = null;

  const flush = () => {
    cancelWindow?.();
    cancelWindow = null;
    while (pending.length > 0) emit({ events: pending.splice(0, maxEvents) });
  };

  return {
    push(event: ServerEvent) {
      pending.push(event);
      if (pending.length >= maxEvents) flush();
      else cancelWindow ??= startWindow(flush);
    },
    flush,
    dispose() {
      cancelWindow?.();
      cancelWindow = null;
      pending = [];
    },
  };
}

export type FrameBatcher = ReturnType<typeof createFrameBatcher>;
