import { memo, useEffect, useState, type ComponentPropsWithoutRef } from 'react';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';
import { useHighlightedCode } from './use-highlighted-code.js';

export const codeBlockLabels = { copyCode: 'Copy code', codeCopied: 'Copied', copyFailed: 'Copy failed' } as const;

export type CodeBlockState = 'streaming' | 'complete';
type CopyState = 'idle' | 'copied' | 'failed';

export interface CodeBlockProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  code: string;
  /** The fence's info string's first word, e.g. `ts`. */
  language?: string | undefined;
  /** A streaming block shows plain text; it is highlighted once complete. @default 'complete' */
  state?: CodeBlockState;
}

const copiedForMs = 2000;

/**
 * A fenced code block: language, a copy button and lazily loaded highlighting rendered as elements.
 * @example
 * <CodeBlock code={'const a = 1;'} language="ts" />
 */
export const CodeBlock = memo(function CodeBlock({ code, language, state = 'complete', className, ...rest }: CodeBlockProps) {
  const labels = useLabels(codeBlockLabels);
  const highlighted = useHighlightedCode(code, language, state === 'complete');
  const [copyState, setCopyState] = useState<CopyState>('idle');

  useEffect(() => {
    if (copyState === 'idle') return;
    const timer = setTimeout(() => setCopyState('idle'), copiedForMs);
    return () => clearTimeout(timer);
  }, [copyState]);

  const copy = () => {
    navigator.clipboard.writeText(code).then(
      () => setCopyState('copied'),
      () => setCopyState('failed'),
    );
  };

  const buttonLabel = copyState === 'copied' ? labels.codeCopied : copyState === 'failed' ? labels.copyFailed : labels.copyCode;
  // The header's words are drawn by CSS from data attributes, so they stay out of the message's text (selecting and
  // copying the answer, reading its textContent) while the button keeps its accessible name.
  return (
    <div className={classNames('platos-code-block', className)} data-state={state} data-language={language} {...rest}>
      <div className="platos-code-block-header" data-language={language ?? ''}>
        <button type="button" className="platos-code-block-copy" data-state={copyState} data-label={buttonLabel} aria-label={buttonLabel} onClick={copy} />
        <span className="platos-code-block-status" role="status">
          {copyState === 'idle' ? '' : buttonLabel}
        </span>
      </div>
      {/* Focusable so a keyboard can scroll a long line; code reads left to right in any page direction. */}
      <pre className="platos-markdown-pre" tabIndex={0} dir="ltr">
        <code className={[language ? `language-${language}` : '', highlighted ? 'hljs' : ''].join(' ').trim() || undefined} data-highlight={highlighted ? 'highlighted' : 'plain'}>
          {highlighted ?? code}
        </code>
      </pre>
    </div>
  );
});
