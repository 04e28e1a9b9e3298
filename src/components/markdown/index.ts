// The markdown family, exported as `Markdown` from `@platosdev/client/react`.
export { CodeBlock, type CodeBlockProps, type CodeBlockState } from './code-block.js';
export { registerCodeLanguages, type CodeLanguage } from './load-lowlight.js';
