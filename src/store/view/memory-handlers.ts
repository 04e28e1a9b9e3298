import type { EventOf } from '../../protocol/index.js';
import type { ThreadView } from '../types.js';
import { pushPartForEvent } from './assistant-message.js';
import { withoutUndefined } from './without-undefined.js';

export function applyMemoryWrite(view: ThreadView, event: EventOf<'memory-write'>): ThreadView {
  const { memoryId, content, scope } = event;
  return pushPartForEvent(view, event, withoutUndefined({ type: 'memory-write' as const, memoryId, content, scope }));
}

export function applyMemoryRecallResult(view: ThreadView, event: EventOf<'memory-recall-result'>): ThreadView {
  const memories = event.memories.map((memory) => withoutUndefined(memory));
  return pushPartForEvent(view, event, { type: 'memory-recall', query: event.query, memories });
}
