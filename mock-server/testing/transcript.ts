import { parseServerEvent, type MessagePart, type ServerEvent } from '../../src/protocol/index.js';
import { applyEvent } from '../../src/store/view/apply-event.js';
import { createThreadView } from '../../src/store/view/create-thread-view.js';
import type { ThreadView } from '../../src/store/types.js';
import type { Cassette } from '../../src/protocol/cassette.js';

/** The thread's view, folded from its events in order. */
export function foldEvents(threadId: string, events: readonly ServerEvent[]): ThreadView {
  return events.reduce(applyEvent, createThreadView(threadId));
}

/** The valid events of a cassette by thread, each event id once, in the order they came. */
export function cassetteEvents(cassette: Cassette): Map<string, ServerEvent[]> {
  const byThread = new Map<string, ServerEvent[]>();
  const seen = new Set<string>();
  for (const frame of cassette.frames) {
    const parsed = parseServerEvent(frame.event);
    if (!parsed.ok || seen.has(JSON.stringify([parsed.event.threadId, parsed.event.id]))) continue;
    seen.add(JSON.stringify([parsed.event.threadId, parsed.event.id]));
    byThread.set(parsed.event.threadId, [...(byThread.get(parsed.event.threadId) ?? []), parsed.event]);
  }
  return byThread;
}

/**
 * What a reader of the thread sees, without what only the server that played it decides (thread, turn and user
 * message ids, timestamps): messages' text, parts in order with their tool calls, artifacts, approvals, runs and
 * steps, and how each turn ended.
 */
export function transcriptOf(view: ThreadView) {
  return view.messageIds.map((id) => {
    const message = view.messages[id]!;
    if (message.role === 'user') return { role: 'user', text: message.text };
    const { status, finishReason, usage } = message;
    return { role: 'assistant', id, status, finishReason, usage, parts: message.parts.map((part) => describePart(view, part)) };
  });
}

function describePart(view: ThreadView, part: MessagePart) {
  switch (part.type) {
    case 'tool-call': {
      const { id, tool, argsText, status, result, error, stepId } = view.toolCalls[part.toolCallId]!;
      return { toolCall: { id, tool, argsText, status, result, error, stepId } };
    }
    case 'artifact': {
      const { id, kind, title, language, versions } = view.artifacts[part.artifactId]!;
      return { artifact: { id, kind, title, language, versions } };
    }
    case 'approval': {
      const { id, tool, args, reason, state, toolCallId } = view.approvals[part.approvalId]!;
      return { approval: { id, tool, args, reason, state, toolCallId } };
    }
    case 'run': {
      const { id, status, progress, label } = view.runs[part.runId]!;
      return { run: { id, status, progress, label } };
    }
    case 'step': {
      const { id, index, name, status, finishReason, usage } = view.steps[part.stepId]!;
      return { step: { id, index, name, status, finishReason, usage } };
    }
    default:
      return part;
  }
}
