import { useMemo } from 'react';
import { revealHiddenCharacters, type VisibleSegment } from '../../text/visible-characters.js';

export interface VisibleTextProps {
  /** Already split by revealHiddenCharacters, or plain text to split. */
  text: string | readonly VisibleSegment[];
}

/** Text with its hidden characters (zero-width, bidi overrides, controls) shown as marked `\uXXXX` escapes. */
export function VisibleText({ text }: VisibleTextProps) {
  const segments = useMemo(() => (typeof text === 'string' ? revealHiddenCharacters(text) : text), [text]);
  return segments.map((segment, index) =>
    segment.kind === 'text' ? (
      segment.text
    ) : (
      <span key={index} className="platos-hidden-char" title={segment.name} data-char={segment.escape}>
        {segment.escape}
      </span>
    ),
  );
}
