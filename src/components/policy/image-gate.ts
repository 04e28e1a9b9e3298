import { createContext, useContext, useMemo, useState } from 'react';
import type { ImagePolicy } from './content-policy.js';
import { classifyImageSource, compileImageAllowList, type ImageSource } from './image-allow-list.js';
import { createImageOriginStore, type ImageOriginStore } from './image-origin-store.js';

/** An image policy made ready for rendering: the allow test compiled, and the origins the user chose to load. */
export interface ImageGate {
  classify(src: string): ImageSource;
  blocked: 'ask' | 'never';
  /** Null outside a `ContentPolicyProvider`: a "Load image" click then loads that one image only. */
  origins: ImageOriginStore | null;
}

const allowNothing = compileImageAllowList([]);

export const ImageGateContext = createContext<ImageGate>({ classify: (src) => classifyImageSource(src, allowNothing), blocked: 'ask', origins: null });

export function useImageGate(): ImageGate {
  return useContext(ImageGateContext);
}

/** The gate for a provider's image policy; an inline `allow` array compiles again only when its entries change. */
export function useImageGateFor({ allow, blocked = 'ask', remember = 'page' }: ImagePolicy): ImageGate {
  const allowKey = typeof allow === 'function' ? allow : JSON.stringify(allow ?? []);
  const classify = useMemo(() => {
    const isAllowed = compileImageAllowList(typeof allowKey === 'function' ? allowKey : (JSON.parse(allowKey) as string[]));
    return (src: string) => classifyImageSource(src, isAllowed);
  }, [allowKey]);
  // State, not useMemo: the user's choices must survive as long as the provider does.
  const [origins, setOrigins] = useState(() => createImageOriginStore(remember));
  let current = origins;
  if (origins.remember !== remember) {
    current = createImageOriginStore(remember);
    setOrigins(current);
  }
  return useMemo(() => ({ classify, blocked, origins: current }), [classify, blocked, current]);
}
