import type { PersistLimits } from '../../client/types.js';
import type { ThreadView } from '../types.js';
import { findActiveTurnId } from '../view/assistant-message.js';
import { setOwnEntry } from '../view/own-entries.js';

/**
 * The view cut to the snapshot bounds: its last `maxMessagesPerThread` messages with what belongs to them, then fewer
 * until its JSON fits `maxThreadBytes`. `null` when not even one message fits.
 */
export function boundThreadView(view: ThreadView, limits: PersistLimits): ThreadView | null {
  let kept = keepLastMessages(view, limits.maxMessagesPerThread);
  let size = JSON.stringify(kept).length;
  while (size > limits.maxThreadBytes) {
    const count = kept.messageIds.length;
    if (count <= 1) return null;
    // Shrinks in proportion to the excess, so a far too large view takes a few passes instead of one per message.
    const target = Math.min(count - 1, Math.floor((count * limits.maxThreadBytes) / size));
    kept = keepLastMessages(kept, Math.max(target, 0));
    if (kept.messageIds.length === 0) return null;
    size = JSON.stringify(kept).length;
  }
  return kept;
}

/** The last `count` messages, the turns they belong to and those turns' entities; the rest is left out. */
export function keepLastMessages(view: ThreadView, count: number): ThreadView {
  if (view.messageIds.length <= count) return view;
  const messageIds = count <= 0 ? [] : view.messageIds.slice(-count);
  const keptMessages = new Set(messageIds);
  const messages = pick(view.messages, (_message, id) => keptMessages.has(id));
  const turns = pick(view.turns, (turn) => keptMessages.has(turn.userMessageId) || keptMessages.has(turn.messageId));
  const keptTurns = new Set(Object.keys(turns));
  const belongs = (entity: { turnId: string; messageId?: string }) =>
    keptTurns.has(entity.turnId) || (entity.messageId !== undefined && keptMessages.has(entity.messageId));
  const next: ThreadView = {
    ...view,
    messageIds,
    messages,
    turns,
    toolCalls: pick(view.toolCalls, belongs),
    artifacts: pick(view.artifacts, belongs),
    approvals: pick(view.approvals, belongs),
    runs: pick(view.runs, belongs),
    steps: pick(view.steps, belongs),
  };
  return { ...next, activeTurnId: findActiveTurnId(next) };
}

function pick<T>(record: Record<string, T>, keep: (value: T, key: string) => boolean): Record<string, T> {
  const next: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) {
    if (keep(value, key)) setOwnEntry(next, key, value);
  }
  return next;
}
