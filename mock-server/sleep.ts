/** Waits `ms` (or one macrotask when `ms <= 0`), resolving early when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      clearImmediate(immediate);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = ms > 0 ? setTimeout(done, ms) : undefined;
    const immediate = ms > 0 ? undefined : setImmediate(done);
    signal.addEventListener('abort', done, { once: true });
  });
}
