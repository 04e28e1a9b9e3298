import type { ServerEvent } from '../protocol/index.js';
import type { ThreadView } from '../store/types.js';
import { applyEvent } from '../store/view/apply-event.js';

/** Events between two kept views: a scrub folds at most this many. */
export const CHECKPOINT_INTERVAL = 1_000;

export interface ViewCheckpointsOptions {
  /** @default CHECKPOINT_INTERVAL */
  interval?: number;
  /** The reducer; the store's own by default. */
  fold?: (view: ThreadView, event: ServerEvent) => ThreadView;
}

/**
 * Views of one event log at every `interval` events, folded from the view the log starts from with the store's
 * reducers. Views are immutable, so a checkpoint is just a kept reference. The log may grow between calls, but its
 * entries must stay where they are: one instance serves one log generation while nothing was dropped from it.
 */
export interface ViewCheckpoints {
  readonly interval: number;
  /** How many events are folded into the newest view so far. */
  readonly folded: number;
  /** Folds up to `maxEvents` more of `events`; returns whether any are left to fold. */
  advance(events: readonly ServerEvent[], maxEvents: number): boolean;
  /**
   * The view after the first `count` events, folded from the nearest checkpoint (at most `interval` events), or
   * `undefined` while the checkpoints are more than that behind.
   */
  viewAfter(events: readonly ServerEvent[], count: number): ThreadView | undefined;
}

export function createViewCheckpoints(base: ThreadView, options: ViewCheckpointsOptions = {}): ViewCheckpoints {
  const interval = options.interval ?? CHECKPOINT_INTERVAL;
  const fold = options.fold ?? applyEvent;
  /** `kept[k]` is the view after `k * interval` events. */
  const kept: ThreadView[] = [base];
  let newest = base;
  let folded = 0;

  const foldRange = (view: ThreadView, events: readonly ServerEvent[], from: number, to: number) => {
    let next = view;
    for (let index = from; index < to; index += 1) next = fold(next, events[index]!);
    return next;
  };

  return {
    interval,
    get folded() {
      return folded;
    },
    advance(events, maxEvents) {
      const end = Math.min(events.length, folded + maxEvents);
      while (folded < end) {
        const stop = Math.min(end, (Math.floor(folded / interval) + 1) * interval);
        newest = foldRange(newest, events, folded, stop);
        folded = stop;
        if (folded % interval === 0) kept[folded / interval] = newest;
      }
      return folded < events.length;
    },
    viewAfter(events, count) {
      if (count > folded) return count - folded <= interval ? foldRange(newest, events, folded, count) : undefined;
      const checkpoint = Math.floor(count / interval);
      return foldRange(kept[checkpoint]!, events, checkpoint * interval, count);
    },
  };
}
