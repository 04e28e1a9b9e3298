import { useCallback } from 'react';
import type { ArtifactView } from '../protocol/index.js';
import type { ThreadState } from '../store/types.js';
import { useThreadSelector } from './use-thread-selector.js';
import type { ThreadOption } from './use-thread-id.js';

/**
 * One artifact of the thread, every version included; re-renders only when that one changes.
 * @example
 * const artifact = useArtifact(id);
 */
export function useArtifact(artifactId: string, options?: ThreadOption): ArtifactView | undefined {
  const select = useCallback(
    (thread: ThreadState | undefined) => thread?.view.artifacts[artifactId],
    [artifactId],
  );
  return useThreadSelector(select, options);
}
