export interface HeldFrameSender {
  send(frame: string): void;
  /** The socket closed: frames still held go with it. */
  close(): void;
}

/**
 * Sends one socket's frames at once, except while `holdUntil()` lies in the future: then they wait and all go out
 * in order once it has passed. A frame sent while others wait queues behind them, so the order always holds.
 */
export function createHeldFrameSender(send: (frame: string) => void, holdUntil: () => number): HeldFrameSender {
  let held: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const waitMs = holdUntil() - Date.now();
    // The hold may have been made longer since the timer was set.
    if (waitMs > 0) {
      timer = setTimeout(flush, waitMs);
      return;
    }
    const frames = held;
    held = [];
    for (const frame of frames) send(frame);
  };

  return {
    send(frame) {
      if (held.length === 0 && holdUntil() <= Date.now()) return send(frame);
      held.push(frame);
      timer ??= setTimeout(flush, Math.max(0, holdUntil() - Date.now()));
    },
    close() {
      clearTimeout(timer);
      timer = undefined;
      held = [];
    },
  };
}
