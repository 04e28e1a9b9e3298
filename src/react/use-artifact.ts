import { useCallback } from 'react';
import type { ArtifactView } from '../protocol/index.js';
import type { PlatosState } from '../store/types.js';
import { usePlatosSelector } from './use-platos-selector.js';
import { useThreadId, type ThreadOption } from './use-thread-id.js';

/**
 * One artifact of the thread, every version included; re-renders only when that one changes.
 * @example
 * const artifact = useArtifact(id);
 */
export function useArtifact(artifactId: string, options?: ThreadOption): ArtifactView | undefined {
  const threadId = useThreadId(options);
  const select = useCallback(
    (state: PlatosState) => state.threads[threadId]?.view.artifacts[artifactId],
    [threadId, artifactId],
  );
  return usePlatosSelector(select);
}
