import { useEffect } from 'react';
import { useFrameState } from '../../react/use-frame-state.js';

const hourMs = 3_600_000;
// setTimeout holds at most a signed 32-bit delay.
const maxDelayMs = 2 ** 31 - 1;

/** Whole seconds left (rounded up) while under an hour, null while further away, and when that next changes. */
export function readCountdown(expiresAt: number, now: number): { seconds: number | null; nextChangeInMs: number | undefined } {
  const remaining = expiresAt - now;
  if (remaining > hourMs) return { seconds: null, nextChangeInMs: Math.min(remaining - hourMs, maxDelayMs) };
  if (remaining <= 0) return { seconds: 0, nextChangeInMs: undefined };
  const seconds = Math.ceil(remaining / 1000);
  return { seconds, nextChangeInMs: remaining - (seconds - 1) * 1000 };
}

/**
 * Seconds until `expiresAt` while under an hour (null further out, 0 once passed). The value changes at most once
 * a second, when the shown second changes, so only the component that calls this re-renders.
 * @example
 * const seconds = useCountdown(approval.expiresAt);
 */
export function useCountdown(expiresAt: number): number | null {
  const [seconds, setSeconds] = useFrameState(() => readCountdown(expiresAt, Date.now()).seconds);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const next = readCountdown(expiresAt, Date.now());
      setSeconds(next.seconds);
      if (next.nextChangeInMs !== undefined) timer = setTimeout(tick, next.nextChangeInMs);
    };
    tick();
    return () => clearTimeout(timer);
  }, [expiresAt, setSeconds]);
  return seconds;
}

/** Whether the moment has passed; re-renders once, when it passes. */
export function useHasPassed(at: number | undefined): boolean {
  const [passed, setPassed] = useFrameState(() => at !== undefined && Date.now() >= at);
  useEffect(() => {
    if (at === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const remaining = at - Date.now();
      setPassed(remaining <= 0);
      if (remaining > 0) timer = setTimeout(check, Math.min(remaining, maxDelayMs));
    };
    check();
    return () => clearTimeout(timer);
  }, [at, setPassed]);
  return passed;
}
