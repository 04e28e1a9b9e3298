import type { LanguageFn } from 'highlight.js';
import type { createLowlight } from 'lowlight';

export type Lowlight = ReturnType<typeof createLowlight>;

/** A highlight.js grammar, e.g. the default export of `highlight.js/lib/languages/ruby`. */
export type CodeLanguage = LanguageFn;

/** Grammars apps added with `registerCodeLanguages`, kept until lowlight has loaded. */
const added: Record<string, CodeLanguage> = {};
let loaded: Lowlight | undefined;
let loading: Promise<Lowlight> | undefined;

/**
 * lowlight with the grammars chats usually show (see `chat-languages.ts`) and any an app added, fetched on first
 * use so the stream never waits for it.
 */
export function loadLowlight(): Promise<Lowlight> {
  loading ??= import('./chat-languages.js').then(({ createChatLowlight }) => {
    loaded = createChatLowlight();
    loaded.register(added);
    return loaded;
  });
  return loading;
}

/**
 * Adds highlight.js grammars to code blocks' highlighting, next to the ones built in (TypeScript, JavaScript,
 * JSX/TSX, Python, Bash/shell, JSON, HTML/XML/SVG, CSS, SQL, Go, Rust, Java, C, C++, YAML, Markdown, diff). A
 * grammar's own aliases come with it. Call it before the blocks render, e.g. next to the app's root; a language
 * registered later highlights the blocks that complete after it.
 * @example
 * import ruby from 'highlight.js/lib/languages/ruby';
 * registerCodeLanguages({ ruby });
 */
export function registerCodeLanguages(grammars: Readonly<Record<string, CodeLanguage>>): void {
  Object.assign(added, grammars);
  loaded?.register(grammars);
}
