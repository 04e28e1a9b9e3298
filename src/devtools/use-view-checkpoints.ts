import { useEffect, useMemo, useState } from 'react';
import type { ThreadView } from '../store/types.js';
import type { ThreadLog } from './thread-log.js';
import { createViewCheckpoints, type ViewCheckpoints } from './view-checkpoints.js';

/** Longest stretch of folding per task, so building checkpoints for a long log never makes a long frame. */
const sliceMs = 8;
const eventsPerCheck = 200;

/** One set of checkpoints per log generation (its base view), kept while that base lives, so reopening reuses them. */
const checkpointsByBase = new WeakMap<ThreadView, ViewCheckpoints>();

function checkpointsFor(base: ThreadView): ViewCheckpoints {
  let checkpoints = checkpointsByBase.get(base);
  if (!checkpoints) {
    checkpoints = createViewCheckpoints(base);
    checkpointsByBase.set(base, checkpoints);
  }
  return checkpoints;
}

/**
 * The log's checkpoints, folded forward in short tasks while mounted; `folded` is how far they have got and changes
 * as they get further (a view past `folded + interval` is not ready until then).
 */
export function useViewCheckpoints(log: ThreadLog): { checkpoints: ViewCheckpoints; folded: number } {
  const checkpoints = useMemo(() => checkpointsFor(log.base), [log.base]);
  const [folded, setFolded] = useState(checkpoints.folded);
  useEffect(() => {
    if (!log.foldable) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const foldSlice = () => {
      const deadline = performance.now() + sliceMs;
      let more = true;
      while (more && performance.now() < deadline) more = checkpoints.advance(log.events, eventsPerCheck);
      setFolded(checkpoints.folded);
      if (more) timer = setTimeout(foldSlice, 0);
    };
    if (checkpoints.folded < log.events.length) timer = setTimeout(foldSlice, 0);
    else setFolded(checkpoints.folded);
    return () => clearTimeout(timer);
  }, [checkpoints, log.events, log.foldable]);
  return { checkpoints, folded };
}
