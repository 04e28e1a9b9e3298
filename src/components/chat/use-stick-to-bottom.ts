import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';

/** How far from the end, in pixels, still counts as at the end. */
export const bottomTolerancePx = 48;

/** How long after a wheel, touch, pointer or key event a scroll still counts as the user's. */
const userIntentWindowMs = 1000;

export interface StickToBottom {
  /** 'pinned' follows new content; 'released' once the user scrolled up to read. */
  state: 'pinned' | 'released';
  /** Scrolls to the newest message and pins again. */
  jumpToLatest(): void;
}

/**
 * Whether a virtualized list follows its end. The virtualizer does the following (`followOnAppend`,
 * `anchorTo: 'end'`); this hook tells when the user left the end by scrolling up, and brings them back.
 */
export function useStickToBottom(
  scrollRef: RefObject<HTMLElement | null>,
  virtualizer: Virtualizer<HTMLElement, Element>,
  count: number,
): StickToBottom {
  const [state, setState] = useState<'pinned' | 'released'>('pinned');
  const countRef = useRef(count);
  countRef.current = count;

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
  }, [scrollRef]);

  // A list that mounts with messages already there opens at the newest one.
  const openedAtEnd = useRef(false);
  useLayoutEffect(() => {
    if (openedAtEnd.current || count === 0) return;
    openedAtEnd.current = true;
    virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [virtualizer, count]);

  const jumpToLatest = useCallback(() => {
    const last = countRef.current - 1;
    if (last >= 0) virtualizer.scrollToIndex(last, { align: 'end', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    setState('pinned');
  }, [virtualizer]);

  return { state, jumpToLatest };
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
