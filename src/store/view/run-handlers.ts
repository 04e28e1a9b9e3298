import type { EventOf, RunView } from '../../protocol/index.js';
import type { ThreadView } from '../types.js';
import { pushPart, resolveAssistantMessage } from './assistant-message.js';
import { withoutUndefined } from './without-undefined.js';
import { ownEntry } from './own-entries.js';

/**
 * The first update of a run creates it and shows it in the message; later ones replace its status and progress.
 * A label stays until a new one comes; an ETA is only as good as the update that carried it.
 */
export function applyRunUpdate(view: ThreadView, event: EventOf<'run-update'>): ThreadView {
  const existing = ownEntry(view.runs, event.runId);
  if (existing) {
    const run: RunView = withoutUndefined({
      ...existing,
      status: event.status,
      progress: event.progress,
      label: event.label ?? existing.label,
      etaMs: event.etaMs,
      updatedAt: event.ts,
    });
    return { ...view, runs: { ...view.runs, [run.id]: run } };
  }

  const target = resolveAssistantMessage(view, event);
  const run: RunView = withoutUndefined({
    id: event.runId,
    turnId: event.turnId,
    messageId: target.message.id,
    status: event.status,
    progress: event.progress,
    label: event.label,
    etaMs: event.etaMs,
    updatedAt: event.ts,
  });
  const next = pushPart(target.view, target.message, { type: 'run', runId: run.id });
  return { ...next, runs: { ...next.runs, [run.id]: run } };
}
