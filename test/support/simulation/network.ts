import type fc from 'fast-check';

/**
 * Decides when each asynchronous step of the simulated world happens: a frame crossing the wire, a handshake
 * finishing, an HTTP response arriving. Steps only run when the test releases them, in an order it chooses.
 */
export interface Network {
  later(label: string, step: () => void): void;
  /** The fake time at which the longest-waiting step was scheduled, or null when none waits. */
  oldestWaitingSince(): number | null;
  /** Exceptions thrown by steps; a run with any is a failed run. */
  readonly errors: unknown[];
}

/** A network whose interleavings are drawn by fast-check's scheduler, so a failing order shrinks and replays. */
export function createScheduledNetwork(scheduler: fc.Scheduler): Network {
  const errors: unknown[] = [];
  const waitingSince = new Map<number, number>();
  let nextStepId = 0;
  return {
    errors,
    oldestWaitingSince: () => (waitingSince.size === 0 ? null : Math.min(...waitingSince.values())),
    later(label, step) {
      const stepId = nextStepId++;
      waitingSince.set(stepId, Date.now());
      void scheduler.schedule(Promise.resolve(), label).then(() => {
        waitingSince.delete(stepId);
        try {
          step();
        } catch (error) {
          errors.push(error);
        }
      });
    },
  };
}
