import type { ServerEvent } from '../../protocol/index.js';
import type { ApprovalRegistry } from './approval-registry.js';
import { bindScenarioEvent, scopeId, type EventBody } from '../scenarios/bind-scenario-event.js';
import { isApprovalWait, isClientToolWait, type Scenario, type ScenarioStep, type StepOutcome } from '../scenarios/scenario-types.js';
import { callClientTool, toolCallEnd, type ClientTools } from './client-tools.js';
import { sleep } from './sleep.js';
import type { ThreadRecord, TurnRecord } from './thread-store.js';

export interface TurnRunnerDeps {
  approvals: ApprovalRegistry;
  publish(thread: ThreadRecord, turnId: string, body: EventBody): ServerEvent;
  scenarioFor(userText: string): Scenario;
  /** Runs browser-side tools; without it every client-tool wait ends with `tool_unavailable`. */
  clientTools?: ClientTools;
  /** Delays are divided by it; 0 plays every step without delay. */
  speed: number;
  now(): number;
  /** Aborted when the server closes: turns stop without emitting anything more. */
  shutdown: AbortSignal;
  /** Waits between steps. @default `sleep`, a timer even for 0 ms */
  pause?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told whenever a turn changes state. */
  onTurnState?: (turn: TurnRecord) => void;
  /** A scenario that threw. @default logs it */
  onTurnError?: (turn: TurnRecord, error: unknown) => void;
}

const zeroUsage = { inputTokens: 0, outputTokens: 0 };
/** Scaled pauses shorter than this are merged with the next ones, or timer clamping would set the pace. */
const minPauseMs = 8;
const terminalRunStatuses = new Set(['succeeded', 'failed', 'cancelled']);

/** Queues the turn behind the thread's earlier turns; resolves once it is over. */
export function enqueueTurn(deps: TurnRunnerDeps, thread: ThreadRecord, turn: TurnRecord): Promise<void> {
  thread.turnQueue = thread.turnQueue.then(() => runTurn(deps, thread, turn)).catch((error: unknown) => {
    if (deps.onTurnError) deps.onTurnError(turn, error);
    else console.error(`turn ${turn.turnId} failed`, error);
  });
  return thread.turnQueue;
}

async function runTurn(deps: TurnRunnerDeps, thread: ThreadRecord, turn: TurnRecord): Promise<void> {
  if (deps.shutdown.aborted) return;
  const setState = (state: TurnRecord['state']) => {
    turn.state = state;
    deps.onTurnState?.(turn);
  };
  const pause = deps.pause ?? sleep;
  setState('running');
  const startedAt = deps.now();
  const emit = (body: EventBody) => deps.publish(thread, turn.turnId, body);
  const finish = (finishReason: 'stop' | 'cancelled' | 'error') =>
    emit({ type: 'finish', finishReason, usage: zeroUsage, durationMs: Math.max(0, deps.now() - startedAt) });
  const signal = AbortSignal.any([turn.cancellation.signal, deps.shutdown]);
  const openRuns = new Map<string, EventBody & { type: 'run-update' }>();
  let steps: ReturnType<typeof stepsOf> | undefined;

  emit({
    type: 'turn-start',
    messageId: turn.messageId,
    userMessage: { id: turn.userMessageId, text: turn.userText, clientMessageId: turn.clientMessageId },
  });
  let owedDelayMs = 0;
  try {
    steps = stepsOf(deps.scenarioFor(turn.userText)({ userText: turn.userText, turnIndex: turn.turnIndex, random: Math.random }));
    let outcome: StepOutcome | undefined;
    while (!signal.aborted) {
      const next = await steps.next(outcome);
      outcome = undefined;
      if (next.done) break;
      const step = next.value;
      owedDelayMs += scaledDelay(step.delayMs, deps.speed);
      if (owedDelayMs >= minPauseMs || owedDelayMs === 0) {
        await pause(owedDelayMs, signal);
        owedDelayMs = 0;
      }
      if (signal.aborted) break;
      if (isApprovalWait(step)) {
        setState('awaiting-approval');
        outcome = (await deps.approvals.waitFor(thread.agentId, scopeId(turn.turnId, step.approvalId), signal)) ?? undefined;
        setState('running');
        continue;
      }
      if (isClientToolWait(step)) {
        setState('awaiting-client-tool');
        const called = await callClientTool(deps.clientTools, thread, turn, step, signal);
        setState('running');
        if (deps.shutdown.aborted) return;
        // A cancelled turn ends the call too (`cancelled`), before its `finish`.
        emit(toolCallEnd(turn, step, called));
        outcome = called;
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
    setState('finished');
    await steps?.return?.(undefined);
  }
}

function stepsOf(played: ScenarioStep[] | AsyncGenerator<ScenarioStep, void, StepOutcome | undefined>) {
  if (!Array.isArray(played)) return played;
  return (async function* (): AsyncGenerator<ScenarioStep, void, StepOutcome | undefined> {
    yield* played;
  })();
}

function scaledDelay(delayMs: number | undefined, speed: number): number {
  if (!delayMs || speed <= 0 || !Number.isFinite(speed)) return 0;
  return delayMs / speed;
}
