import { useLayoutEffect, useRef, type ReactNode } from 'react';

export interface EndPinnedScrollProps {
  label: string;
  /** When it changes, the box scrolls to its end if it was there: the newest messages stay in view. */
  content: unknown;
  children: ReactNode;
}

/** A keyboard-scrollable box that follows its end while the reader has not scrolled away from it. */
export function EndPinnedScroll({ label, content, children }: EndPinnedScrollProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (box && pinned.current) box.scrollTop = box.scrollHeight;
  }, [content]);
  const onScroll = () => {
    const box = boxRef.current;
    if (box) pinned.current = box.scrollHeight - box.scrollTop - box.clientHeight < 8;
  };
  return (
    <div ref={boxRef} className="platos-devtools-scroll" role="group" tabIndex={0} aria-label={label} onScroll={onScroll}>
      {children}
    </div>
  );
}
