/**
 * Frames of a stream that arrived while the stream was not ready for them (subscription ack or history fetch
 * still in flight). They are applied in arrival order once it is.
 */
export interface EarlyFrameBuffer<TEvent> {
  push(event: TEvent): void;
  /** Empties the buffer, returning its frames in arrival order. */
  drain(): TEvent[];
  readonly size: number;
}

export function createEarlyFrameBuffer<TEvent>(): EarlyFrameBuffer<TEvent> {
  let frames: TEvent[] = [];
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
