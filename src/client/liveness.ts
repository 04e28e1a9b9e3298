export interface LivenessOptions {
  /** Quiet time after which the client asks the server for a sign of life. @default 5000 */
  intervalMs: number;
  /** How long that question may stay unanswered before the connection counts as dead. @default 5000 */
  timeoutMs: number;
}

export const defaultLiveness: LivenessOptions = { intervalMs: 5_000, timeoutMs: 5_000 };

export interface LivenessDeps {
  options: LivenessOptions;
  /** Sends `connection:ping`; resolves when answered, rejects otherwise. */
  ping(timeoutMs: number): Promise<unknown>;
  onDead(): void;
  now?: () => number;
}

/**
 * Notices a half-open connection (the network is gone but no close arrived): any frame or answer counts as a
 * sign of life; after `intervalMs` of silence one ping must be answered within `timeoutMs`.
 */
export function createLivenessMonitor(deps: LivenessDeps) {
  const now = deps.now ?? Date.now;
  const { intervalMs, timeoutMs } = deps.options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let lastActivity = 0;
  /** Identifies the outstanding ping, if any; a sign of life makes its outcome irrelevant. */
  let probe = 0;
  let probing = false;

  const arm = (delayMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
  };

  // Re-arming on every frame would cost a timer per token; the timer checks the quiet time instead.
  const tick = () => {
    if (!running) return;
    const quietMs = now() - lastActivity;
    if (quietMs < intervalMs) return arm(intervalMs - quietMs);
    const current = ++probe;
    probing = true;
    deps.ping(timeoutMs).then(
      () => {
        if (current !== probe) return;
        probing = false;
        lastActivity = now();
        arm(intervalMs);
      },
      () => {
        if (!running || current !== probe) return;
        probing = false;
        running = false;
        deps.onDead();
      },
    );
  };

  return {
    start() {
      running = true;
      probing = false;
      probe += 1;
      lastActivity = now();
      arm(intervalMs);
    },
    stop() {
      running = false;
      probing = false;
      probe += 1;
      clearTimeout(timer);
    },
    noteActivity() {
      lastActivity = now();
      if (running && probing) {
        probing = false;
        probe += 1;
        arm(intervalMs);
      }
    },
  };
}
