/**
 * Waits `ms`, resolving early when `signal` aborts. It yields to the event loop even for 0 ms, so a turn played
 * without delays never starves the server or a page's rendering. Timers only: this also runs in the browser.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener('abort', done, { once: true });
  });
}
