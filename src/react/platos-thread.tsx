import type { ReactNode } from 'react';
import { PlatosThreadContext } from './platos-context.js';
import { useWatchThread } from './use-watch-thread.js';

export interface PlatosThreadProps {
  threadId: string;
  children?: ReactNode;
}

/**
 * Names the thread the narrow hooks (`useMessage`, `useToolCall`, ...) read, and watches it while mounted.
 * @example
 * <PlatosThread threadId="t1"><MessageList /></PlatosThread>
 */
export function PlatosThread({ threadId, children }: PlatosThreadProps) {
  useWatchThread(threadId);
  return <PlatosThreadContext.Provider value={threadId}>{children}</PlatosThreadContext.Provider>;
}
