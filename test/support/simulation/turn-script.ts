import fc from 'fast-check';
import type { ServerEvent } from '../../../src/protocol/index.js';
import { createEventFactory } from '../event-factory.js';
import type { EventBody } from './sim-thread.js';

/** One piece of an assistant turn, as a property generates it. */
export type PartPlan =
  | { kind: 'text'; chunks: string[] }
  | { kind: 'tool'; argChunks: string[]; outcome: 'result' | 'error'; inStep: boolean }
  | { kind: 'artifact'; updates: ('delta' | 'content')[] }
  | { kind: 'memory'; recall: boolean }
  | { kind: 'run'; progress: number[]; outcome: 'succeeded' | 'failed' }
  | { kind: 'approval'; decision: 'approved' | 'denied' | 'expired' }
  | { kind: 'retryable-error' };

export interface TurnPlan {
  parts: PartPlan[];
  ending: 'stop' | 'length' | 'cancelled' | 'fatal-error';
  echoClientMessageId: boolean;
}

const partArbitrary: fc.Arbitrary<PartPlan> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), chunks: fc.array(fc.constantFrom('Hel', 'lo', ' wörld', '**b**', '\n'), { minLength: 1, maxLength: 4 }) }),
  fc.record({
    kind: fc.constant('tool' as const),
    argChunks: fc.array(fc.constantFrom('{"q":', '"x"', '}'), { maxLength: 3 }),
    outcome: fc.constantFrom('result' as const, 'error' as const),
    inStep: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('artifact' as const), updates: fc.array(fc.constantFrom('delta' as const, 'content' as const), { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('memory' as const), recall: fc.boolean() }),
  fc.record({
    kind: fc.constant('run' as const),
    progress: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 2 }),
    outcome: fc.constantFrom('succeeded' as const, 'failed' as const),
  }),
  fc.record({ kind: fc.constant('approval' as const), decision: fc.constantFrom('approved' as const, 'denied' as const, 'expired' as const) }),
  fc.record({ kind: fc.constant('retryable-error' as const) }),
);

export const turnPlanArbitrary: fc.Arbitrary<TurnPlan> = fc.record({
  parts: fc.array(partArbitrary, { maxLength: 4 }),
  ending: fc.constantFrom('stop' as const, 'length' as const, 'cancelled' as const, 'fatal-error' as const),
  echoClientMessageId: fc.boolean(),
});

/** The events of one valid turn (docs/protocol.md "Turn lifecycle"), entity ids unique within the thread. */
export function turnEvents(threadId: string, turnId: string, plan: TurnPlan): EventBody[] {
  const event = createEventFactory(threadId);
  const messageId = `${turnId}-assistant`;
  const usage = { inputTokens: 3, outputTokens: 5 };
  const events: ServerEvent[] = [
    event('turn-start', turnId, {
      messageId,
      userMessage: { id: `${turnId}-user`, text: `question ${turnId}`, ...(plan.echoClientMessageId ? { clientMessageId: `${turnId}-cm` } : {}) },
    }),
  ];
  let steps = 0;
  plan.parts.forEach((part, index) => {
    const entityId = `${turnId}-${part.kind}-${index}`;
    switch (part.kind) {
      case 'text':
        part.chunks.forEach((delta) => events.push(event('text-delta', turnId, { messageId, delta })));
        break;
      case 'tool': {
        const stepId = `${entityId}-step`;
        if (part.inStep) events.push(event('step-start', turnId, { stepId, index: steps++, name: 'search' }));
        events.push(event('tool-call-start', turnId, { toolCallId: entityId, tool: 'search', ...(part.inStep ? { stepId } : {}) }));
        part.argChunks.forEach((delta) => events.push(event('tool-call-args', turnId, { toolCallId: entityId, delta })));
        events.push(
          part.outcome === 'result'
            ? event('tool-call-result', turnId, { toolCallId: entityId, result: { hits: index } })
            : event('tool-call-error', turnId, { toolCallId: entityId, error: { code: 'tool_failed', message: 'no luck' } }),
        );
        if (part.inStep) events.push(event('step-finish', turnId, { stepId, finishReason: 'tool-calls', usage }));
        break;
      }
      case 'artifact':
        events.push(event('artifact-created', turnId, { artifactId: entityId, kind: 'markdown', title: 'Notes', content: '# v1', version: 1 }));
        part.updates.forEach((update, at) =>
          events.push(event('artifact-updated', turnId, { artifactId: entityId, version: at + 2, ...(update === 'delta' ? { delta: `\n+${at}` } : { content: `# v${at + 2}` }) })),
        );
        break;
      case 'memory':
        events.push(
          part.recall
            ? event('memory-recall-result', turnId, { query: 'prefs', memories: [{ memoryId: entityId, content: 'likes tea', score: 0.5 }] })
            : event('memory-write', turnId, { memoryId: entityId, content: 'likes tea', scope: 'user' }),
        );
        break;
      case 'run':
        events.push(event('run-update', turnId, { runId: entityId, status: 'queued', progress: 0, label: 'build' }));
        part.progress.forEach((progress) => events.push(event('run-update', turnId, { runId: entityId, status: 'running', progress })));
        events.push(event('run-update', turnId, { runId: entityId, status: part.outcome, progress: 100 }));
        break;
      case 'approval':
        events.push(event('approval-pending', turnId, { approvalId: entityId, tool: 'deploy', args: { env: 'prod' }, reason: 'ships code' }));
        events.push(event('approval-resolved', turnId, { approvalId: entityId, decision: part.decision }));
        break;
      case 'retryable-error':
        events.push(event('error', turnId, { code: 'rate_limited', message: 'retrying', retryable: true }));
        break;
    }
  });
  if (plan.ending === 'fatal-error') {
    events.push(event('error', turnId, { code: 'model_failed', message: 'gave up', retryable: false }));
    events.push(event('finish', turnId, { finishReason: 'error', usage, durationMs: 40 }));
  } else {
    events.push(event('finish', turnId, { finishReason: plan.ending, usage, durationMs: 40 }));
  }
  return events.map(({ id: _id, seq: _seq, ts: _ts, ...body }) => body as EventBody);
}

/** Turns per thread and the order in which the threads' events are interleaved. */
export interface ScriptPlan {
  turnsByThread: TurnPlan[][];
  interleaving: number[];
}

export function scriptPlanArbitrary(threadCount: number, maxTurnsPerThread: number): fc.Arbitrary<ScriptPlan> {
  return fc.record({
    turnsByThread: fc.array(fc.array(turnPlanArbitrary, { minLength: 1, maxLength: maxTurnsPerThread }), {
      minLength: threadCount,
      maxLength: threadCount,
    }),
    interleaving: fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 12 }),
  });
}

/** Every thread's turns run one after another; the threads' event streams interleave as `interleaving` says. */
export function buildScript(threadIds: readonly string[], plan: ScriptPlan): EventBody[] {
  const streams = threadIds.map((threadId, threadIndex) =>
    (plan.turnsByThread[threadIndex] ?? []).flatMap((turn, turnIndex) => turnEvents(threadId, `${threadId}-turn-${turnIndex + 1}`, turn)),
  );
  const script: EventBody[] = [];
  for (let step = 0; streams.some((stream) => stream.length > 0); step += 1) {
    const remaining = streams.filter((stream) => stream.length > 0);
    const pick = plan.interleaving[step % plan.interleaving.length] ?? 0;
    script.push(remaining[pick % remaining.length]!.shift()!);
  }
  return script;
}
