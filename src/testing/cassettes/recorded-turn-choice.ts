import type { ThreadRecord, TurnRecord } from '../agent/thread-store.js';
import type { RecordedTurn } from './recorded-turn.js';
import { scopeRecordedTurn } from './scope-recorded-turn.js';

export interface RecordedTurnChoice {
  /** The recorded turn that answers this turn's message, its ids ready to publish on the thread. */
  choose(thread: ThreadRecord, turn: TurnRecord): RecordedTurn;
}

/**
 * Picks the recorded turn a message plays: the first whose recorded user text equals the message and that the
 * thread has not played yet, else the first with that text, else the thread's n-th turn plays the n-th recorded turn,
 * cycling. A recorded turn keeps its ids the first time a thread plays it; played again on the same thread, its
 * assistant message id and entity ids are prefixed with the new turn's id, so they never collide with the first play's.
 */
export function createRecordedTurnChoice(turns: readonly RecordedTurn[]): RecordedTurnChoice {
  if (turns.length === 0) throw new Error('A recording to play needs at least one turn');
  const playedByThread = new WeakMap<ThreadRecord, Set<RecordedTurn>>();

  return {
    choose(thread, turn) {
      const played = playedByThread.get(thread) ?? new Set<RecordedTurn>();
      playedByThread.set(thread, played);
      const sameText = turns.filter((recorded) => recorded.userText === turn.userText);
      const chosen = sameText.find((recorded) => !played.has(recorded)) ?? sameText[0] ?? turns[turn.turnIndex % turns.length]!;
      if (played.has(chosen)) return scopeRecordedTurn(chosen, turn.turnId);
      played.add(chosen);
      return chosen;
    },
  };
}
