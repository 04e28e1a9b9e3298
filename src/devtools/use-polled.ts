import { useEffect, useRef, useState } from 'react';

/**
 * What `read` returns, read again every `intervalMs` while mounted: for client figures that have no subscription
 * (stats, the outbox). Only an open panel's tabs mount readers, so a closed panel polls nothing.
 */
export function usePolled<T>(read: () => T, intervalMs: number): T {
  const [value, setValue] = useState(read);
  const latestRead = useRef(read);
  latestRead.current = read;
  useEffect(() => {
    const timer = setInterval(() => {
      const next = latestRead.current();
      setValue((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return value;
}
