import type { EventBody } from '../../mock-server/scenarios/index.js';
import type { ServerEvent } from '../../src/protocol/index.js';

/** Ids of the one turn every component story's thread has. */
export const STORY_TURN = { turnId: 'turn-1', messageId: 'turn-1.assistant', userMessageId: 'turn-1.user' } as const;

const firstTimestamp = Date.UTC(2025, 0, 1, 12, 0, 0);

/**
 * A thread with one turn that saw `bodies`, as enveloped events: turn-start first, then the bodies
 * with seq rising by one.
 * @example threadScript('tools', [{ type: 'tool-call-start', toolCallId: 'call-1', tool: 'search' }])
 */
export function threadScript(threadId: string, bodies: readonly EventBody[], userText = 'Show me the component'): ServerEvent[] {
  const turnStart: EventBody = {
    type: 'turn-start',
    messageId: STORY_TURN.messageId,
    userMessage: { id: STORY_TURN.userMessageId, text: userText },
  };
  return [turnStart, ...bodies].map((body, index) => envelope(threadId, index + 1, body));
}

/** Wraps a body that follows `previous` in the same thread and turn. */
export function nextEvent(previous: ServerEvent, body: EventBody): ServerEvent {
  return envelope(previous.threadId, previous.seq + 1, body);
}

function envelope(threadId: string, seq: number, body: EventBody): ServerEvent {
  return { ...body, id: `story-${seq}`, seq, threadId, turnId: STORY_TURN.turnId, ts: firstTimestamp + seq * 250 } as ServerEvent;
}
