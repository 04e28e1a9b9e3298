import type { ComponentType } from 'react';
import { lazyModule } from './lazy-module.js';

export interface LazyPart<P extends object> {
  /** Renders the loaded component, or the fallback with the same props until it has loaded. */
  Component: ComponentType<P>;
  /** Starts loading (once); resolves when the component renders without its fallback. */
  preload(): Promise<unknown>;
}

/**
 * A component fetched on its first mount (see `lazyModule`). Unlike `React.lazy` it needs no Suspense boundary and
 * hides nothing already on screen: the fallback renders with the same props until the chunk has arrived, and
 * every mount after that renders the component at once.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ComponentType<P>): LazyPart<P> {
  const component = lazyModule(load);
  function Lazy(props: P) {
    const Shown = component.useLoaded() ?? fallback;
    return <Shown {...props} />;
  }
  return { Component: Lazy, preload: component.load };
}
