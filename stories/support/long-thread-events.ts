import type { ServerEvent } from '../../src/protocol/index.js';

/** A thread of `turns` finished turns (two messages each), as the events a server would have sent. */
export function longThreadEvents(threadId: string, turns: number): ServerEvent[] {
  const events: ServerEvent[] = [];
  const envelope = (turnId: string, body: Record<string, unknown>) =>
    ({ ...body, id: `long-${events.length + 1}`, seq: events.length + 1, threadId, turnId, ts: Date.UTC(2025, 0, 1) + events.length * 1_000 }) as ServerEvent;
  for (let turn = 0; turn < turns; turn += 1) {
    const turnId = `turn-${turn}`;
    const messageId = `assistant-${turn}`;
    events.push(envelope(turnId, { type: 'turn-start', messageId, userMessage: { id: `user-${turn}`, text: `Question ${turn}` } }));
    const answer = turn % 3 === 0 ? `Answer ${turn}: a longer one.\n\n- first point\n- second point\n- third point` : `Answer ${turn}.`;
    events.push(envelope(turnId, { type: 'text-delta', messageId, delta: answer }));
    events.push(envelope(turnId, { type: 'finish', finishReason: 'stop', usage: { inputTokens: 12, outputTokens: 8 }, durationMs: 900 }));
  }
  return events;
}
