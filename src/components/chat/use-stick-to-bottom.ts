import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useFrameState } from '../../react/use-frame-state.js';

/** How far from the end, in pixels, still counts as at the end. */
export const bottomTolerancePx = 48;

/** How long after a wheel, touch, pointer or key event a scroll still counts as the user's. */
const userIntentWindowMs = 1000;

/** What the list's rows register so the list can bring their end into view. */
export interface ScrollToEnd {
  (behavior: 'auto' | 'smooth'): void;
}

export interface StickToBottom {
  /** 'pinned' follows new content; 'released' once the user scrolled up to read. */
  state: 'pinned' | 'released';
  /** Scrolls to the newest message and pins again. */
  jumpToLatest(): void;
  /** Set by the rows: scrolls them to their end. */
  scrollToEndRef: RefObject<ScrollToEnd | null>;
}

/**
 * Whether the list follows its end. The rows do the following (the virtualizer's `followOnAppend` and
 * `anchorTo: 'end'`); this hook tells when the user left the end by scrolling up, and brings them back.
 */
export function useStickToBottom(scrollRef: RefObject<HTMLElement | null>): StickToBottom {
  // Scroll events join the next frame's update; a click on Jump to latest shows at once.
  const [state, setState, setStateNow] = useFrameState<'pinned' | 'released'>('pinned');
  const scrollToEndRef = useRef<ScrollToEnd | null>(null);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    // The virtualizer moves the scroll position too (measuring rows, following, anchoring), sometimes
    // upwards; only a move up right after the user touched the list (wheel, touch, scrollbar, keys) lets go.
    let lastUserIntentAt = Number.NEGATIVE_INFINITY;
    let lastScrollTop = element.scrollTop;
    const onUserIntent = () => {
      lastUserIntentAt = performance.now();
    };
    const onScroll = () => {
      const scrollTop = element.scrollTop;
      const movedUp = scrollTop < lastScrollTop;
      lastScrollTop = scrollTop;
      if (element.scrollHeight - scrollTop - element.clientHeight <= bottomTolerancePx) setState('pinned');
      else if (movedUp && performance.now() - lastUserIntentAt < userIntentWindowMs) setState('released');
    };
    const intentEvents = ['wheel', 'touchmove', 'pointerdown', 'keydown'] as const;
    for (const type of intentEvents) element.addEventListener(type, onUserIntent, { passive: true });
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      for (const type of intentEvents) element.removeEventListener(type, onUserIntent);
      element.removeEventListener('scroll', onScroll);
    };
  }, [scrollRef, setState]);

  const jumpToLatest = useCallback(() => {
    scrollToEndRef.current?.(prefersReducedMotion() ? 'auto' : 'smooth');
    setStateNow('pinned');
  }, [setStateNow]);

  return { state, jumpToLatest, scrollToEndRef };
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
