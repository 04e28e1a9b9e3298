import type { ThreadView } from '../types.js';
import { ownEntry } from '../view/own-entries.js';

/** A thread's view as saved for the next page load; `view.lastEventId` is where its watch resumes. */
export interface ThreadSnapshot {
  view: ThreadView;
  savedAt: number;
}

export const threadSnapshotKey = (threadId: string) => `thread:${threadId}`;

/** A minimal shape check: enough that a snapshot from a broken or foreign write cannot crash the components. */
export function isThreadSnapshot(value: unknown, threadId: string): value is ThreadSnapshot {
  if (!isRecord(value) || typeof value.savedAt !== 'number' || !isRecord(value.view)) return false;
  const { view } = value;
  return (
    view.threadId === threadId &&
    (view.lastEventId === null || typeof view.lastEventId === 'string') &&
    (view.activeTurnId === null || typeof view.activeTurnId === 'string') &&
    ['messages', 'toolCalls', 'artifacts', 'approvals', 'runs', 'steps', 'turns'].every((key) => isRecord(view[key])) &&
    Array.isArray(view.messageIds) &&
    view.messageIds.every((id) => typeof id === 'string' && isRecord(ownEntry(view.messages as Record<string, unknown>, id)))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
