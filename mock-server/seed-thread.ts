import type { ThreadRecord, ThreadStore, TurnRecord } from '../src/testing/agent/thread-store.js';

export const seededUserText = (turn: number) => `Seeded question ${turn}`;
export const seededAssistantText = (turn: number) => `Seeded answer ${turn}.`;

/**
 * Fills an empty thread with `turns` short finished turns (a user message, one text delta, `finish`), stored as if
 * they had been played, so a test gets a long history without waiting for it to stream. Turn n (from 1) says
 * `seededUserText(n)` and is answered `seededAssistantText(n)`.
 */
export function seedThread(store: ThreadStore, thread: ThreadRecord, turns: number): { messages: number; lastEventId: string | null } {
  if (thread.log.length > 0 || thread.turns.size > 0) throw new Error(`Thread ${thread.threadId} already has events`);
  for (let index = 1; index <= turns; index += 1) {
    const turnId = store.nextTurnId();
    const turn: TurnRecord = {
      turnId,
      clientMessageId: `${turnId}.seed`,
      userText: seededUserText(index),
      userMessageId: `${turnId}.user`,
      messageId: `${turnId}.assistant`,
      turnIndex: thread.turns.size,
      owner: '',
      state: 'finished',
      cancellation: new AbortController(),
    };
    thread.turns.set(turnId, turn);
    thread.turnIdsByClientMessageId.set(turn.clientMessageId, turnId);
    store.append(thread, turnId, {
      type: 'turn-start',
      messageId: turn.messageId,
      userMessage: { id: turn.userMessageId, text: turn.userText, clientMessageId: turn.clientMessageId },
    });
    store.append(thread, turnId, { type: 'text-delta', messageId: turn.messageId, delta: seededAssistantText(index) });
    store.append(thread, turnId, { type: 'finish', finishReason: 'stop', usage: { inputTokens: 4, outputTokens: 3 }, durationMs: 0 });
  }
  return { messages: turns * 2, lastEventId: store.lastEventId(thread) };
}
