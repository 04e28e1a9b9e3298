import { useEffect } from 'react';
import { useFrameState } from '../../react/use-frame-state.js';

export interface LazyModule<M> {
  /** Starts loading (once; again after a failure) and resolves with the module. */
  load(): Promise<M>;
  /** The module once loaded, else `undefined`; a mounted caller starts the load and re-renders when it arrives. */
  useLoaded(): M | undefined;
}

/**
 * Code fetched with `import()` on first use instead of with the entry, for parts of the chat most pages or turns
 * do not need at once. Every component using it re-renders when it arrives, in the store's next frame (with the
 * frame's other updates, see `useFrameState`); until then (and on the server) `useLoaded` returns `undefined` and the
 * caller shows what it can without it. A chunk that fails to
 * load is asked for again by the next caller that mounts.
 */
export function lazyModule<M>(importModule: () => Promise<M>): LazyModule<M> {
  let loaded: M | undefined;
  let loading: Promise<M> | undefined;
  const listeners = new Set<() => void>();
  const load = () =>
    (loading ??= importModule().then(
      (module) => {
        loaded = module;
        for (const listener of [...listeners]) listener();
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const get = () => loaded;
  function useLoaded(): M | undefined {
    const [shown, setShown] = useFrameState(get);
    useEffect(() => {
      const show = () => setShown(loaded);
      listeners.add(show);
      if (loaded) show();
      else load().catch(() => {});
      return () => void listeners.delete(show);
    }, [setShown]);
    return shown;
  }
  return { load, useLoaded };
}
