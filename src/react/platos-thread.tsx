import type { ReactNode } from 'react';
import { PlatosThreadContext } from './platos-context';
import { useWatchThread } from './use-watch-thread';

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
  return <PlatosThreadContext value={threadId}>{children}</PlatosThreadContext>;
}
