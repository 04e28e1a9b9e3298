import { memo, type ComponentProps } from 'react';
import type { MessagePart } from '../protocol';
import { classNames } from './class-names';
import './styles/tokens.css';
import './styles/memory.css';

type MemoryPart = Extract<MessagePart, { type: 'memory-write' | 'memory-recall' }>;

export interface MemoryNoteProps extends Omit<ComponentProps<'div'>, 'children' | 'part'> {
  part: MemoryPart;
}

/** "Remembered …" for a memory write; "Recalled N memories", expandable, for a recall. */
export const MemoryNote = memo(function MemoryNote({ part, className, ...rest }: MemoryNoteProps) {
  if (part.type === 'memory-write') {
    return (
      <div data-kind="write" className={classNames('platos-memory', className)} {...rest}>
        <span className="platos-memory-icon" aria-hidden="true" />
        <span>
          Remembered “{part.content}”{part.scope ? <span className="platos-memory-scope"> ({part.scope})</span> : null}
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
          Recalled {count} {count === 1 ? 'memory' : 'memories'}
        </summary>
        <p className="platos-memory-query">For “{part.query}”</p>
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
