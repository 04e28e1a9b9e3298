import type { RecordedTurn } from '../cassettes/recorded-turn.js';
import type { ApprovalRegistry } from './approval-registry.js';
import type { TurnEnding, TurnPlay } from './turn-play.js';

/**
 * Plays a recorded turn's events with their recorded delays and ids. An `approval-pending` is registered, so the
 * user's answer is accepted; the recorded `approval-resolved` resolves it with the recorded decision unless the user
 * answered first, in which case the registry already published the real one and the recorded one is skipped. A
 * recorded `finish` ends the turn; without one, the server's own ends it after the last event.
 */
export async function playRecordedTurn(play: TurnPlay, recorded: RecordedTurn, deps: { approvals: ApprovalRegistry; now(): number }): Promise<TurnEnding> {
  let failed = false;
  for (const { delayMs, body, expiresInMs } of recorded.events) {
    await play.pace(delayMs);
    if (play.signal.aborted) return 'stopped';
    if (body.type === 'approval-resolved') {
      deps.approvals.resolvePending(play.thread.agentId, body.approvalId, body.decision);
      continue;
    }
    if (body.type === 'approval-pending') {
      // The deadline keeps the time it had left, counted from now.
      play.emit(expiresInMs === undefined ? body : { ...body, expiresAt: deps.now() + expiresInMs });
      deps.approvals.register(play.thread, play.turn.turnId, body.approvalId, expiresInMs);
      continue;
    }
    play.emit(body);
    if (body.type === 'finish') return 'over';
    if (body.type === 'error' && !body.retryable) failed = true;
  }
  if (play.signal.aborted) return 'stopped';
  play.finish(failed ? 'error' : 'stop');
  return 'over';
}
