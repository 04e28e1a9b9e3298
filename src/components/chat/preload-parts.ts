import { artifactHtmlPreview, artifactJsonTree } from '../artifact/artifact-content.js';
import { markdownEngine } from '../markdown/load-markdown.js';
import { messageListRows } from '../message/message-list-rows.js';

/**
 * Fetches the parts the components otherwise load on first use (the markdown parser, the message list's
 * virtualizer, the HTML artifact preview, the JSON tree). Call it early (at start-up, or on hover of a "Chat" button)
 * to skip the plain-text moment before markdown arrives, and in tests before rendering so the first render is final.
 * @example
 * beforeAll(() => preloadPlatosParts());
 */
export function preloadPlatosParts(): Promise<void> {
  return Promise.all([markdownEngine.load(), messageListRows.preload(), artifactHtmlPreview.preload(), artifactJsonTree.preload()]).then(() => undefined);
}
