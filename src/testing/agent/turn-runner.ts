import type { ServerEvent } from '../../protocol/index.js';
import type { ApprovalRegistry } from './approval-registry.js';
import type { RecordedTurnChoice } from '../cassettes/recorded-turn-choice.js';
import { bindScenarioEvent, scopeId, type EventBody } from '../scenarios/bind-scenario-event.js';
import { isApprovalWait, isClientToolWait, type Scenario, type ScenarioStep, type StepOutcome } from '../scenarios/scenario-types.js';
import { callClientTool, toolCallEnd, type ClientTools } from './client-tools.js';
import { playRecordedTurn } from './play-recorded-turn.js';
import { createTurnPacer, type TurnPacing } from './turn-pacer.js';
import type { TurnEnding, TurnPlay } from './turn-play.js';
import type { ThreadRecord, TurnRecord } from './thread-store.js';

interface TurnRunnerBase extends TurnPacing {
  approvals: ApprovalRegistry;
  publish(thread: ThreadRecord, turnId: string, body: EventBody): ServerEvent;
  /** Runs browser-side tools; without it every client-tool wait ends with `tool_unavailable`. */
  clientTools?: ClientTools;
  now(): number;
  /** Aborted when the server closes: turns stop without emitting anything more. */
  shutdown: AbortSignal;
  /** Told whenever a turn changes state. */
  onTurnState?: (turn: TurnRecord) => void;
  /** A scenario that threw. @default logs it */
  onTurnError?: (turn: TurnRecord, error: unknown) => void;
}

/** What plays the turns: a scenario per message, or the turns of a recording. */
export type TurnRunnerDeps = TurnRunnerBase &
  (
    | { scenarioFor(userText: string): Scenario; recordedTurns?: undefined }
    | { /** Answers every message with one of a recording's turns (see `createRecordedTurnChoice`). */ recordedTurns: RecordedTurnChoice; scenarioFor?: undefined }
  );

const zeroUsage = { inputTokens: 0, outputTokens: 0 };
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
  setState('running');
  const openRuns = new Map<string, EventBody & { type: 'run-update' }>();
  const emit = (body: EventBody) => {
    if (body.type === 'run-update') {
      if (terminalRunStatuses.has(body.status)) openRuns.delete(body.runId);
      else openRuns.set(body.runId, body);
    }
    return deps.publish(thread, turn.turnId, body);
  };
  const startedAt = deps.now();
  const signal = AbortSignal.any([turn.cancellation.signal, deps.shutdown]);
  const play: TurnPlay = {
    thread,
    turn,
    emit,
    finish: (finishReason) => emit({ type: 'finish', finishReason, usage: zeroUsage, durationMs: Math.max(0, deps.now() - startedAt) }),
    pace: createTurnPacer(deps, signal),
    signal,
    setState,
    startedAt,
  };
  const recorded = deps.recordedTurns?.choose(thread, turn);
  if (recorded?.messageId) turn.messageId = recorded.messageId;

  emit({
    type: 'turn-start',
    messageId: turn.messageId,
    userMessage: { id: turn.userMessageId, text: turn.userText, clientMessageId: turn.clientMessageId },
  });
  try {
    const ending = recorded ? await playRecordedTurn(play, recorded, deps) : await playScenario(deps, play);
    if (ending === 'over' || deps.shutdown.aborted) return;
    if (!turn.cancellation.signal.aborted) {
      play.finish('stop');
      return;
    }
    deps.approvals.cancelTurn(thread, turn.turnId);
    for (const run of openRuns.values()) {
      const { type: _type, runId, progress, label } = run;
      emit({ type: 'run-update', runId, status: 'cancelled', progress, ...(label === undefined ? {} : { label }) });
    }
    play.finish('cancelled');
  } finally {
    setState('finished');
  }
}

async function playScenario(deps: TurnRunnerDeps, play: TurnPlay): Promise<TurnEnding> {
  const { thread, turn, emit, signal, setState } = play;
  if (!deps.scenarioFor) throw new Error('The turn runner has neither a scenario nor recorded turns');
  const steps = stepsOf(deps.scenarioFor(turn.userText)({ userText: turn.userText, turnIndex: turn.turnIndex, random: Math.random }));
  try {
    let outcome: StepOutcome | undefined;
    while (!signal.aborted) {
      const next = await steps.next(outcome);
      outcome = undefined;
      if (next.done) break;
      const step = next.value;
      await play.pace(step.delayMs);
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
        if (deps.shutdown.aborted) return 'stopped';
        // A cancelled turn ends the call too (`cancelled`), before its `finish`.
        emit(toolCallEnd(turn, step, called));
        outcome = called;
        continue;
      }
      const body = emit(bindScenarioEvent(step, { turnId: turn.turnId, messageId: turn.messageId, now: deps.now(), startedAt: play.startedAt }));
      if (body.type === 'approval-pending') {
        deps.approvals.register(thread, turn.turnId, body.approvalId, step.type === 'approval-pending' ? step.expiresInMs : undefined);
      }
      if (body.type === 'finish') return 'over';
      if (body.type === 'error' && !body.retryable) {
        play.finish('error');
        return 'over';
      }
    }
    return 'stopped';
  } finally {
    await steps.return?.(undefined);
  }
}

function stepsOf(played: ScenarioStep[] | AsyncGenerator<ScenarioStep, void, StepOutcome | undefined>) {
  if (!Array.isArray(played)) return played;
  return (async function* (): AsyncGenerator<ScenarioStep, void, StepOutcome | undefined> {
    yield* played;
  })();
}
