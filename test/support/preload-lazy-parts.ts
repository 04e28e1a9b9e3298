import { preloadPlatosParts } from '../../src/components/chat/preload-parts.js';

/**
 * Loads the parts the kit fetches on first use, so a test renders them at once, as an app does once they have
 * arrived. What shows before that is tested on its own (`message-text-loading.test.tsx`,
 * `message-list-loading.test.tsx`, `artifact-lazy-parts.test.tsx`).
 */
export const preloadLazyParts = preloadPlatosParts;
