/** Counts work under way in the test server (frames in transit, commands, history requests) and says when anything changed. */
export function createActivity() {
  let pending = 0;
  let waiters: (() => void)[] = [];

  const changed = () => {
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };

  return {
    get pending() {
      return pending;
    },
    /** Marks work as started; the returned function marks it done (once). */
    start(): () => void {
      pending += 1;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        pending -= 1;
        changed();
      };
    },
    changed,
    nextChange: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

export type Activity = ReturnType<typeof createActivity>;
