import { useEffect, useRef, type RefObject } from 'react';

const bottomTolerancePx = 48;

/**
 * Keeps a scroll container pinned to its end while content streams in, unless the user scrolled up
 * to read; scrolling back down pins it again.
 */
export function useStickToBottom<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let isPinned = true;
    const scrollToEnd = () => {
      element.scrollTop = element.scrollHeight;
    };
    const onScroll = () => {
      isPinned = element.scrollHeight - element.scrollTop - element.clientHeight <= bottomTolerancePx;
    };
    // Streamed tokens change text nodes without adding elements, hence characterData.
    const observer = new MutationObserver(() => {
      if (isPinned) scrollToEnd();
    });
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    element.addEventListener('scroll', onScroll, { passive: true });
    scrollToEnd();
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', onScroll);
    };
  }, []);

  return ref;
}
