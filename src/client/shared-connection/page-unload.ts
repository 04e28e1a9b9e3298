/** Calls `leave` when the page goes away for good (not into the back/forward cache); returns the function that stops it. */
export function onPageUnload(leave: () => void): () => void {
  const target = globalThis as { addEventListener?: Window['addEventListener']; removeEventListener?: Window['removeEventListener'] };
  if (typeof target.addEventListener !== 'function') return () => {};
  const onPageHide = (event: Event) => {
    if (!(event as PageTransitionEvent).persisted) leave();
  };
  target.addEventListener('pagehide', onPageHide);
  return () => target.removeEventListener?.('pagehide', onPageHide);
}
