import { useId, useState, type ComponentPropsWithoutRef } from 'react';
import { classNames } from '../shared/class-names.js';

export interface TruncatedCodeProps extends Omit<ComponentPropsWithoutRef<'pre'>, 'children'> {
  text: string;
  /** Characters shown before "show more". @default 1200 */
  maxChars?: number;
  /** Lines shown before "show more". @default 24 */
  maxLines?: number;
  showMoreLabel: string;
  showLessLabel: string;
}

/** Where to cut text longer than the limits, or undefined when it fits. */
export function truncationPoint(text: string, maxChars: number, maxLines: number): number | undefined {
  let end = Math.min(text.length, maxChars);
  let newlines = 0;
  for (let index = 0; index < end; index += 1) {
    if (text[index] !== '\n') continue;
    newlines += 1;
    if (newlines === maxLines) end = index;
  }
  return end < text.length ? end : undefined;
}

/** A code block that shows the first lines of a long value and a "show more" button for the rest. */
export function TruncatedCode({ text, maxChars = 1200, maxLines = 24, showMoreLabel, showLessLabel, className, id, ...rest }: TruncatedCodeProps) {
  const [expanded, setExpanded] = useState(false);
  const ownId = useId();
  const codeId = id ?? ownId;
  const cut = truncationPoint(text, maxChars, maxLines);
  const truncated = cut !== undefined && !expanded;
  return (
    <>
      <pre
        id={codeId}
        tabIndex={0}
        dir="ltr"
        data-state={cut === undefined ? 'full' : expanded ? 'expanded' : 'truncated'}
        className={classNames('platos-code', className)}
        {...rest}
      >
        <code>{truncated ? `${text.slice(0, cut)}…` : text}</code>
      </pre>
      {cut === undefined ? null : (
        <button
          type="button"
          className="platos-link-button platos-show-more"
          aria-expanded={expanded}
          aria-controls={codeId}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? showLessLabel : showMoreLabel}
        </button>
      )}
    </>
  );
}
