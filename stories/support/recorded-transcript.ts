import { applyEvent, createThreadView } from '../../src/index.js';
import { parseServerEvent, type Cassette } from '../../src/protocol/index.js';

/** Letters and digits in order: markdown syntax and spacing left out, so a rendered text compares with its source. */
export const lettersAndDigits = (text: string) => text.replace(/\]\([^)]*\)/g, ']').replace(/[^\p{L}\p{N}]/gu, '');

/** What the first turn of a cassette showed: its user message, the assistant text and the tool calls, folded as the store does. */
export function recordedTranscript(cassette: Cassette) {
  const events = cassette.frames.flatMap((frame) => {
    const parsed = parseServerEvent(frame.event);
    return parsed.ok ? [parsed.event] : [];
  });
  const first = events[0];
  if (!first) throw new Error('The cassette holds no event');
  const view = events.filter((event) => event.turnId === first.turnId).reduce(applyEvent, createThreadView(first.threadId));
  const [userMessage, assistant] = view.messageIds.map((id) => view.messages[id]);
  if (userMessage?.role !== 'user' || assistant?.role !== 'assistant') throw new Error('The first turn has no user and assistant message');
  return {
    userText: userMessage.text,
    text: assistant.parts.map((part) => (part.type === 'text' ? part.text : '')).join(''),
    toolCalls: assistant.parts.flatMap((part) => (part.type === 'tool-call' ? [view.toolCalls[part.toolCallId]!] : [])),
  };
}
