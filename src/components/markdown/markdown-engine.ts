/**
 * What rendering markdown needs beyond the text itself: marked's lexer with the streaming split around it, and the
 * token renderers. Loaded as one chunk, with the first message text or message list (see `load-markdown.ts`).
 */
export { advanceBlockStream } from '../../text/block-stream.js';
export { MarkdownBlock } from './markdown-block.js';
