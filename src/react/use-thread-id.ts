import { useContext } from 'react';
import { PlatosThreadContext } from './platos-context.js';

export interface ThreadOption {
  /** Overrides the thread of the surrounding `<PlatosThread>`. */
  threadId?: string;
}

/** The thread a narrow hook reads: its `threadId` option, else the nearest `<PlatosThread>`. */
export function useThreadId(options?: ThreadOption): string {
  const fromContext = useContext(PlatosThreadContext);
  const threadId = options?.threadId ?? fromContext;
  if (threadId === null) throw new Error('Pass { threadId } or render this inside a <PlatosThread>.');
  return threadId;
}
