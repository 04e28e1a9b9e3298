import type { Ack } from '../../../src/protocol/index.js';
import type { EventBody, OmitEach } from './sim-thread.js';
import type { Network } from './network.js';

/** A turn started by `message:send`; texts starting with `NEEDS_APPROVAL` pause for an approval. */
export interface SentTurn {
  turnId: string;
  threadId: string;
  clientMessageId: string;
  text: string;
  state: 'queued' | 'running' | 'waiting-for-approval' | 'finished';
}

export const NEEDS_APPROVAL = 'needs approval:';

type Decision = 'approved' | 'denied';

/**
 * The agent behind `message:send` and `approval:respond`: one turn at a time per thread, each event a network
 * step, idempotent per clientMessageId and per approvalId as docs/protocol.md requires.
 */
export function createAgent(options: { network: Network; append(threadId: string, turnId: string, body: EventBody): void }) {
  const turns: SentTurn[] = [];
  const queues = new Map<string, SentTurn[]>();
  const running = new Set<string>();
  const approvals = new Map<string, { turn: SentTurn; decision: Decision | null; continueTurn: (decision: Decision) => void }>();
  /** How many times each approval was decided; exactly-once means 1. */
  const decisionsApplied = new Map<string, number>();
  let turnCounter = 0;

  const emit = (turn: SentTurn, body: OmitEach<EventBody, 'threadId' | 'turnId'>) =>
    options.append(turn.threadId, turn.turnId, { ...body, threadId: turn.threadId, turnId: turn.turnId } as EventBody);

  function runSteps(turn: SentTurn, steps: (() => void)[], done: () => void) {
    const [step, ...rest] = steps;
    if (!step) return done();
    options.network.later(`agent step of ${turn.turnId}`, () => {
      step();
      if (turn.state !== 'waiting-for-approval') runSteps(turn, rest, done);
      else approvals.get(approvalIdOf(turn))!.continueTurn = () => runSteps(turn, rest, done);
    });
  }

  function startNext(threadId: string) {
    if (running.has(threadId)) return;
    const turn = queues.get(threadId)?.shift();
    if (!turn) return;
    running.add(threadId);
    turn.state = 'running';
    const messageId = `${turn.turnId}-assistant`;
    const steps: (() => void)[] = [
      () => emit(turn, { type: 'turn-start', messageId, userMessage: { id: `${turn.turnId}-user`, text: turn.text, clientMessageId: turn.clientMessageId } }),
    ];
    if (turn.text.startsWith(NEEDS_APPROVAL)) {
      const approvalId = approvalIdOf(turn);
      steps.push(() => {
        emit(turn, { type: 'approval-pending', approvalId, tool: 'deploy', args: { target: turn.text } });
        approvals.set(approvalId, { turn, decision: null, continueTurn: () => {} });
        turn.state = 'waiting-for-approval';
      });
      steps.push(() => emit(turn, { type: 'approval-resolved', approvalId, decision: approvals.get(approvalId)!.decision! }));
    }
    steps.push(() => emit(turn, { type: 'text-delta', messageId, delta: `answer to ${turn.text}` }));
    steps.push(() => emit(turn, { type: 'finish', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 1 }));
    runSteps(turn, steps, () => {
      turn.state = 'finished';
      running.delete(threadId);
      startNext(threadId);
    });
  }

  return {
    turns: turns as readonly SentTurn[],
    decisionsApplied: decisionsApplied as ReadonlyMap<string, number>,
    get idle() {
      return turns.every((turn) => turn.state === 'finished');
    },
    send(threadId: string, clientMessageId: string, text: string): Ack<{ turnId: string }> {
      const known = turns.find((turn) => turn.threadId === threadId && turn.clientMessageId === clientMessageId);
      if (known) return { ok: true, turnId: known.turnId };
      turnCounter += 1;
      const turn: SentTurn = { turnId: `${threadId}-sent-${turnCounter}`, threadId, clientMessageId, text, state: 'queued' };
      turns.push(turn);
      queues.set(threadId, [...(queues.get(threadId) ?? []), turn]);
      startNext(threadId);
      return { ok: true, turnId: turn.turnId };
    },
    respond(approvalId: string, decision: Decision): Ack {
      const approval = approvals.get(approvalId);
      if (!approval) return { ok: false, error: { code: 'approval_not_found', message: `No approval ${approvalId}.` } };
      if (approval.decision !== null) {
        return approval.decision === decision
          ? { ok: true }
          : { ok: false, error: { code: 'approval_already_resolved', message: `${approvalId} was ${approval.decision}.` } };
      }
      approval.decision = decision;
      decisionsApplied.set(approvalId, (decisionsApplied.get(approvalId) ?? 0) + 1);
      approval.turn.state = 'running';
      approval.continueTurn(decision);
      return { ok: true };
    },
  };
}

const approvalIdOf = (turn: SentTurn) => `${turn.turnId}-approval`;
