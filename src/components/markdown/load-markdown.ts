import { lazyModule } from '../shared/lazy-module.js';

export type MarkdownEngine = typeof import('./markdown-engine.js');

/**
 * The markdown parser and renderers, fetched when the first message list or message text mounts rather than with
 * the entry: marked alone is about a quarter of the kit. Until it has arrived, text shows as plain paragraphs.
 */
export const markdownEngine = lazyModule<MarkdownEngine>(() => import('./markdown-engine.js'));
