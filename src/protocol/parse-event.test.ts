import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type EventType } from './event-schemas';
import { formatEventId, parseEventId } from './event-id';
import { parseServerEvent } from './parse-event';

const envelope = { id: 'e1-7', seq: 7, threadId: 't1', turnId: 'turn-1', ts: 1_700_000_000_000 };

const validPayloads: Record<EventType, Record<string, unknown>> = {
  'turn-start': { messageId: 'a1', userMessage: { id: 'u1', text: 'hi', clientMessageId: 'cm-1' } },
  'text-delta': { messageId: 'a1', delta: 'Hello' },
  'tool-call-start': { toolCallId: 'tc1', tool: 'search', stepId: 's1' },
  'tool-call-args': { toolCallId: 'tc1', delta: '{"q":' },
  'tool-call-result': { toolCallId: 'tc1', result: { hits: [1, 2] } },
  'tool-call-error': { toolCallId: 'tc1', error: { code: 'timeout', message: 'Took too long' } },
  'artifact-created': { artifactId: 'ar1', kind: 'code', title: 'main.ts', content: 'let x', language: 'ts', version: 1 },
  'artifact-updated': { artifactId: 'ar1', version: 2, delta: ' = 1' },
  'step-start': { stepId: 's1', index: 0, name: 'Research' },
  'step-finish': { stepId: 's1', finishReason: 'tool-calls', usage: { inputTokens: 10, outputTokens: 5 } },
  'memory-write': { memoryId: 'm1', content: 'Likes tea', scope: 'user' },
  'memory-recall-result': { query: 'drinks', memories: [{ memoryId: 'm1', content: 'Likes tea', score: 0.9 }] },
  'run-update': { runId: 'r1', status: 'running', progress: 40, label: 'Indexing', etaMs: 1200 },
  'approval-pending': { approvalId: 'ap1', tool: 'send_email', args: { to: 'a@b.c' }, reason: 'Sends mail', expiresAt: 1 },
  'approval-resolved': { approvalId: 'ap1', decision: 'approved', resolvedBy: 'user' },
  error: { code: 'rate_limited', message: 'Retrying', retryable: true },
  finish: { finishReason: 'stop', usage: { inputTokens: 10, outputTokens: 20 }, durationMs: 1500 },
};

describe('parseServerEvent', () => {
  it.each(EVENT_TYPES)('accepts a well-formed %s event and keeps its fields', (type) => {
    const frame = { type, ...envelope, ...validPayloads[type] };
    const result = parseServerEvent(frame);
    expect(result).toEqual({ ok: true, event: frame });
  });

  it('knows exactly the 17 event types of the contract', () => {
    expect(EVENT_TYPES).toHaveLength(17);
  });

  it.each([
    ['an unknown type', { type: 'thinking', ...envelope }],
    ['a missing envelope field', { type: 'text-delta', ...envelope, seq: undefined, messageId: 'a1', delta: 'x' }],
    ['a seq that is not a positive integer', { type: 'text-delta', ...envelope, seq: 0, messageId: 'a1', delta: 'x' }],
    ['a wrong payload type', { type: 'text-delta', ...envelope, messageId: 'a1', delta: 42 }],
    ['an unknown enum value', { type: 'run-update', ...envelope, runId: 'r1', status: 'paused', progress: 1 }],
    ['progress above 100', { type: 'run-update', ...envelope, runId: 'r1', status: 'running', progress: 101 }],
    ['an artifact update with both content and delta', { type: 'artifact-updated', ...envelope, artifactId: 'a', version: 2, content: 'x', delta: 'y' }],
    ['an artifact update with neither content nor delta', { type: 'artifact-updated', ...envelope, artifactId: 'a', version: 2 }],
    ['a first artifact version other than 1', { type: 'artifact-created', ...envelope, ...validPayloads['artifact-created'], version: 2 }],
    ['null', null],
    ['a string', 'text-delta'],
  ])('rejects %s with a reason', (_name, frame) => {
    const result = parseServerEvent(frame);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason.length).toBeGreaterThan(0);
  });

  it('names the offending field in the reason', () => {
    const result = parseServerEvent({ type: 'text-delta', ...envelope, messageId: 'a1', delta: 42 });
    expect(result.ok === false && result.reason).toMatch(/^delta: /);
  });
});

describe('event ids', () => {
  it('round-trips epoch and seq, including epochs that contain dashes', () => {
    expect(parseEventId(formatEventId('2026-11-21T10', 42))).toEqual({ epoch: '2026-11-21T10', seq: 42 });
  });

  it.each(['', 'nodash', '-5', 'e1-0', 'e1-1.5', 'e1-x'])('rejects %j', (id) => {
    expect(parseEventId(id)).toBeNull();
  });
});
