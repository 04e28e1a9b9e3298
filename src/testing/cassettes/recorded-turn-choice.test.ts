import { describe, expect, it } from 'vitest';
import { createThreadStore, type ThreadRecord, type TurnRecord } from '../agent/thread-store.js';
import type { EventBody } from '../scenarios/bind-scenario-event.js';
import type { RecordedTurn } from './recorded-turn.js';
import { createRecordedTurnChoice } from './recorded-turn-choice.js';

const turnOf = (userText: string | null, messageId: string, bodies: EventBody[] = []): RecordedTurn => ({
  threadId: 't',
  userText,
  messageId,
  events: bodies.map((body) => ({ delayMs: 0, body })),
});

function threads() {
  const store = createThreadStore({ now: () => 0 });
  return (threadId: string) => store.thread('default', threadId);
}

function sendOn(thread: ThreadRecord, userText: string): TurnRecord {
  const turnId = `turn-${thread.turns.size + 1}`;
  const turn: TurnRecord = {
    turnId,
    clientMessageId: turnId,
    userText,
    userMessageId: `${turnId}.user`,
    messageId: `${turnId}.assistant`,
    turnIndex: thread.turns.size,
    owner: 'test',
    state: 'queued',
    cancellation: new AbortController(),
  };
  thread.turns.set(turnId, turn);
  return turn;
}

describe('createRecordedTurnChoice', () => {
  it('plays the recorded turn with the same text, each of several such turns once before any again', () => {
    const [yes1, other, yes2] = [turnOf('yes', 'm1'), turnOf('other', 'm2'), turnOf('yes', 'm3')];
    const choice = createRecordedTurnChoice([yes1!, other!, yes2!]);
    const thread = threads()('t1');
    expect(choice.choose(thread, sendOn(thread, 'yes')).messageId).toBe('m1');
    expect(choice.choose(thread, sendOn(thread, 'yes')).messageId).toBe('m3');
    expect(choice.choose(thread, sendOn(thread, 'other')).messageId).toBe('m2');
  });

  it('cycles through the recorded turns by the thread turn count when no text matches', () => {
    const choice = createRecordedTurnChoice([turnOf('a', 'm1'), turnOf(null, 'm2')]);
    const thread = threads()('t1');
    const chosen = ['x', 'y', 'z'].map((text) => choice.choose(thread, sendOn(thread, text)).messageId);
    expect(chosen).toEqual(['m1', 'm2', 'turn-3.m1']);
  });

  it('keeps the ids the first time a thread plays a turn and scopes every id with the turn id the second time', () => {
    const recorded = turnOf('go', 'm1', [
      { type: 'text-delta', messageId: 'm1', delta: 'Hi' },
      { type: 'tool-call-start', toolCallId: 'c1', tool: 'lookup', stepId: 's1' },
      { type: 'tool-call-result', toolCallId: 'c1', result: 1 },
      { type: 'step-start', stepId: 's1', index: 0 },
      { type: 'artifact-created', artifactId: 'doc', kind: 'markdown', title: 'Doc', content: '#', version: 1 },
      { type: 'run-update', runId: 'r1', status: 'running', progress: 5 },
      { type: 'approval-pending', approvalId: 'a1', toolCallId: 'c1', tool: 'deploy', args: {} },
      { type: 'approval-resolved', approvalId: 'a1', decision: 'approved' },
      { type: 'memory-write', memoryId: 'mem', content: 'kept' },
    ]);
    const choice = createRecordedTurnChoice([recorded]);
    const threadOf = threads();
    const thread = threadOf('t1');
    expect(choice.choose(thread, sendOn(thread, 'go'))).toBe(recorded);
    const again = choice.choose(thread, sendOn(thread, 'go'));
    expect(again.messageId).toBe('turn-2.m1');
    expect(again.events.map((event) => event.body)).toEqual([
      { type: 'text-delta', messageId: 'turn-2.m1', delta: 'Hi' },
      { type: 'tool-call-start', toolCallId: 'turn-2.c1', tool: 'lookup', stepId: 'turn-2.s1' },
      { type: 'tool-call-result', toolCallId: 'turn-2.c1', result: 1 },
      { type: 'step-start', stepId: 'turn-2.s1', index: 0 },
      { type: 'artifact-created', artifactId: 'turn-2.doc', kind: 'markdown', title: 'Doc', content: '#', version: 1 },
      { type: 'run-update', runId: 'turn-2.r1', status: 'running', progress: 5 },
      { type: 'approval-pending', approvalId: 'turn-2.a1', toolCallId: 'turn-2.c1', tool: 'deploy', args: {} },
      { type: 'approval-resolved', approvalId: 'turn-2.a1', decision: 'approved' },
      { type: 'memory-write', memoryId: 'mem', content: 'kept' },
    ]);
    const otherThread = threadOf('t2');
    expect(choice.choose(otherThread, sendOn(otherThread, 'go'))).toBe(recorded);
  });
});
