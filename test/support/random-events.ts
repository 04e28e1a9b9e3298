import type { ServerEvent } from '../../src/protocol/index.js';
import { createEventFactory } from './event-factory.js';

/** A small seeded generator, so a failing property case can be replayed from its seed. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

/**
 * A random event sequence of one thread: mostly well-formed turns, sprinkled with events for unknown turns,
 * tool calls, artifacts, steps and approvals, repeated starts and interleaved turns.
 */
export function randomEventSequence(seed: number, length = 60): ServerEvent[] {
  const random = createRandom(seed);
  const event = createEventFactory('thread-1', `epoch${seed}`);
  const usage = { inputTokens: random.int(50), outputTokens: random.int(50) };
  const turns = ['t1', 't2', 't3', 'ghost-turn'];
  const ids = ['x1', 'x2', 'x3'];
  const events: ServerEvent[] = [];
  for (let index = 0; index < length; index += 1) {
    const turnId = random.pick(turns);
    const id = random.pick(ids);
    const generators: (() => ServerEvent)[] = [
      () => event('turn-start', turnId, { messageId: `a-${turnId}`, userMessage: { id: `u-${turnId}`, text: 'q', clientMessageId: `cm-${turnId}` } }),
      () => event('text-delta', turnId, { messageId: `a-${turnId}`, delta: random.pick(['a', 'b ', '', 'é']) }),
      () => event('tool-call-start', turnId, { toolCallId: id, tool: 'search', ...(random.next() < 0.5 ? { stepId: 's' } : {}) }),
      () => event('tool-call-args', turnId, { toolCallId: id, delta: random.pick(['{', '"q":1', '}', '[]']) }),
      () => event('tool-call-result', turnId, { toolCallId: id, result: { n: random.int(9) } }),
      () => event('tool-call-error', turnId, { toolCallId: id, error: { code: 'e', message: 'm' } }),
      () => event('artifact-created', turnId, { artifactId: id, kind: 'markdown', title: 'T', content: '#', version: 1 }),
      () => event('artifact-updated', turnId, { artifactId: id, version: 2 + random.int(3), ...(random.next() < 0.5 ? { delta: '+' } : { content: 'c' }) }),
      () => event('step-start', turnId, { stepId: id, index: random.int(4) }),
      () => event('step-finish', turnId, { stepId: id, ...(random.next() < 0.5 ? { usage } : { finishReason: 'stop' }) }),
      () => event('memory-write', turnId, { memoryId: id, content: 'c', ...(random.next() < 0.5 ? { scope: 'user' } : {}) }),
      () => event('memory-recall-result', turnId, { query: 'q', memories: [{ memoryId: id, content: 'c' }] }),
      () => event('run-update', turnId, { runId: id, status: random.pick(['queued', 'running', 'succeeded'] as const), progress: random.int(101) }),
      () => event('approval-pending', turnId, { approvalId: id, tool: 'rm', args: { p: 1 } }),
      () => event('approval-resolved', turnId, { approvalId: id, decision: random.pick(['approved', 'denied', 'expired'] as const) }),
      () => event('error', turnId, { code: 'c', message: 'm', retryable: random.next() < 0.5 }),
      () => event('finish', turnId, { finishReason: random.pick(['stop', 'length', 'cancelled', 'error'] as const), usage, durationMs: random.int(1000) }),
    ];
    events.push(random.pick(generators)());
  }
  return events;
}
