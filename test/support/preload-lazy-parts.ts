import { artifactHtmlPreview, artifactJsonTree } from '../../src/components/artifact/artifact-content.js';
import { markdownEngine } from '../../src/components/markdown/load-markdown.js';
import { messageListRows } from '../../src/components/message/message-list-rows.js';

/**
 * Loads the parts the kit fetches on first use (the markdown parser, the message list's virtualizer, the HTML
 * artifact preview, the JSON tree), so a test renders them at once, as an app does once they have arrived. What
 * shows before that is tested on its own (`message-text-loading.test.tsx`, `message-list-loading.test.tsx`,
 * `artifact-lazy-parts.test.tsx`).
 */
export function preloadLazyParts(): Promise<unknown> {
  return Promise.all([markdownEngine.load(), messageListRows.preload(), artifactHtmlPreview.preload(), artifactJsonTree.preload()]);
}
