import { memo, type ComponentPropsWithoutRef } from 'react';
import type { MessagePart } from '../../protocol/index.js';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';

type MemoryPart = Extract<MessagePart, { type: 'memory-write' | 'memory-recall' }>;

export interface MemoryNoteProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'part'> {
  part: MemoryPart;
}

export const memoryNoteLabels = {
  memoryRemembered: 'Remembered “{content}”',
  memoryRecalledOne: 'Recalled 1 memory',
  memoryRecalledMany: 'Recalled {count} memories',
  memoryQuery: 'For “{query}”',
} as const;

/** "Remembered …" for a memory write; "Recalled N memories", expandable, for a recall. */
export const MemoryNote = memo(function MemoryNote({ part, className, ...rest }: MemoryNoteProps) {
  const labels = useLabels(memoryNoteLabels);
  if (part.type === 'memory-write') {
    return (
      <div data-kind="write" className={classNames('platos-memory', className)} {...rest}>
        <span className="platos-memory-icon" aria-hidden="true" />
        <span>
          {labels.memoryRemembered.replace('{content}', part.content)}
          {part.scope ? <span className="platos-memory-scope"> ({part.scope})</span> : null}
        </span>
      </div>
    );
  }
  const count = part.memories.length;
  return (
    <div data-kind="recall" className={classNames('platos-memory', className)} {...rest}>
      <details className="platos-memory-details">
        <summary>
          <span className="platos-memory-icon" aria-hidden="true" />
          {count === 1 ? labels.memoryRecalledOne : labels.memoryRecalledMany.replace('{count}', String(count))}
        </summary>
        <p className="platos-memory-query">{labels.memoryQuery.replace('{query}', part.query)}</p>
        <ul className="platos-memory-list">
          {part.memories.map((memory) => (
            <li key={memory.memoryId}>
              {memory.content}
              {memory.score === undefined ? null : <span className="platos-memory-score"> {memory.score.toFixed(2)}</span>}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
});
