import type { ServerEvent } from '../src/protocol/index.js';
import type { ApprovalRegistry } from './approval-registry.js';
import { bindScenarioEvent, isApprovalWait, scopeId, type ApprovalOutcome, type EventBody, type Scenario, type ScenarioStep } from './scenarios/index.js';
import { sleep } from './sleep.js';
import type { ThreadRecord, TurnRecord } from './thread-store.js';

export interface TurnRunnerDeps {
  approvals: ApprovalRegistry;
  publish(thread: ThreadRecord, turnId: string, body: EventBody): ServerEvent;
  scenarioFor(userText: string): Scenario;
  /** Delays are divided by it; 0 plays every step without delay. */
  speed: number;
  now(): number;
  /** Aborted when the server closes: turns stop without emitting anything more. */
  shutdown: AbortSignal;
}

const zeroUsage = { inputTokens: 0, outputTokens: 0 };
/** Scaled pauses shorter than this are merged with the next ones, or timer clamping would set the pace. */
const minPauseMs = 8;
const terminalRunStatuses = new Set(['succeeded', 'failed', 'cancelled']);

/** Queues the turn behind the thread's earlier turns; resolves once it is over. */
export function enqueueTurn(deps: TurnRunnerDeps, thread: ThreadRecord, turn: TurnRecord): Promise<void> {
  thread.turnQueue = thread.turnQueue.then(() => runTurn(deps, thread, turn)).catch((error: unknown) => {
    console.error(`turn ${turn.turnId} failed`, error);
  });
  return thread.turnQueue;
}

async function runTurn(deps: TurnRunnerDeps, thread: ThreadRecord, turn: TurnRecord): Promise<void> {
  if (deps.shutdown.aborted) return;
  turn.state = 'running';
  const startedAt = deps.now();
  const emit = (body: EventBody) => deps.publish(thread, turn.turnId, body);
  const finish = (finishReason: 'stop' | 'cancelled' | 'error') =>
    emit({ type: 'finish', finishReason, usage: zeroUsage, durationMs: Math.max(0, deps.now() - startedAt) });
  const signal = AbortSignal.any([turn.cancellation.signal, deps.shutdown]);
  const openRuns = new Map<string, EventBody & { type: 'run-update' }>();
  const steps = stepsOf(deps.scenarioFor(turn.userText)({ userText: turn.userText, turnIndex: turn.turnIndex, random: Math.random }));

  emit({
    type: 'turn-start',
    messageId: turn.messageId,
    userMessage: { id: turn.userMessageId, text: turn.userText, clientMessageId: turn.clientMessageId },
  });
  let owedDelayMs = 0;
  try {
    let outcome: ApprovalOutcome | undefined;
    while (!signal.aborted) {
      const next = await steps.next(outcome);
      outcome = undefined;
      if (next.done) break;
      const step = next.value;
      owedDelayMs += scaledDelay(step.delayMs, deps.speed);
      if (owedDelayMs >= minPauseMs || owedDelayMs === 0) {
        await sleep(owedDelayMs, signal);
        owedDelayMs = 0;
      }
      if (signal.aborted) break;
      if (isApprovalWait(step)) {
        outcome = (await deps.approvals.waitFor(thread.agentId, scopeId(turn.turnId, step.approvalId), signal)) ?? undefined;
        continue;
      }
      const body = emit(bindScenarioEvent(step, { turnId: turn.turnId, messageId: turn.messageId, now: deps.now(), startedAt }));
      if (body.type === 'approval-pending') {
        deps.approvals.register(thread, turn.turnId, body.approvalId, step.type === 'approval-pending' ? step.expiresInMs : undefined);
      }
      if (body.type === 'run-update') {
        if (terminalRunStatuses.has(body.status)) openRuns.delete(body.runId);
        else openRuns.set(body.runId, body);
      }
      if (body.type === 'finish') return;
      if (body.type === 'error' && !body.retryable) {
        finish('error');
        return;
      }
    }
    if (deps.shutdown.aborted) return;
    if (!turn.cancellation.signal.aborted) {
      finish('stop');
      return;
    }
    deps.approvals.cancelTurn(thread, turn.turnId);
    for (const run of openRuns.values()) {
      const { type: _type, runId, progress, label } = run;
      emit({ type: 'run-update', runId, status: 'cancelled', progress, ...(label === undefined ? {} : { label }) });
    }
    finish('cancelled');
  } finally {
    turn.state = 'finished';
    await steps.return?.(undefined);
  }
}

function stepsOf(played: ScenarioStep[] | AsyncGenerator<ScenarioStep, void, ApprovalOutcome | undefined>) {
  if (!Array.isArray(played)) return played;
  return (async function* (): AsyncGenerator<ScenarioStep, void, ApprovalOutcome | undefined> {
    yield* played;
  })();
}

function scaledDelay(delayMs: number | undefined, speed: number): number {
  if (!delayMs || speed <= 0 || !Number.isFinite(speed)) return 0;
  return delayMs / speed;
}
