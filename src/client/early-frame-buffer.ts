import type { ServerEvent } from '../protocol/index.js';

/**
 * Frames of a thread that arrived while the thread was not ready for them (subscription ack or history fetch
 * still in flight). They are applied in arrival order once it is.
 */
export interface EarlyFrameBuffer {
  push(event: ServerEvent): void;
  /** Empties the buffer, returning its frames in arrival order. */
  drain(): ServerEvent[];
  readonly size: number;
}

export function createEarlyFrameBuffer(): EarlyFrameBuffer {
  let frames: ServerEvent[] = [];
  return {
    push(event) {
      frames.push(event);
    },
    drain() {
      const drained = frames;
      frames = [];
      return drained;
    },
    get size() {
      return frames.length;
    },
  };
}
