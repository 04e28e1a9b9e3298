import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type EventType } from './event-schemas.js';
import { formatEventId, parseEventId } from './event-id.js';
import { parseServerEvent } from './parse-event.js';

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
    expect(result).toEqual({ ok: true, event: frame, droppedKeys: 0 });
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
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok === false && result.detail.length).toBeGreaterThan(0);
  });

  it('names the offending field in the reason', () => {
    const result = parseServerEvent({ type: 'text-delta', ...envelope, messageId: 'a1', delta: 42 });
    expect(result.ok === false && result.detail).toMatch(/^delta: /);
  });

  it('returns a copy without unknown fields', () => {
    const frame = { type: 'text-delta', ...envelope, messageId: 'a1', delta: 'x', mood: 'sly' };
    const result = parseServerEvent(frame);
    expect(result.ok && result.event).toEqual({ type: 'text-delta', ...envelope, messageId: 'a1', delta: 'x' });
    expect(result.ok && result.event).not.toBe(frame);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('rejects the reserved entity id %j', (id) => {
    const result = parseServerEvent({ type: 'tool-call-start', ...envelope, toolCallId: id, tool: 'search' });
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok === false && result.detail).toBe(`toolCallId: ${JSON.stringify(id)} is reserved: it names a member of every object`);
  });

  it('checks the frame limits before the contract', () => {
    const result = parseServerEvent({ type: 'text-delta', ...envelope, messageId: 'a1', delta: 42, padding: 'x'.repeat(300_000) });
    expect(result).toMatchObject({ ok: false, reason: 'string-too-long' });
  });

  it('leaves prototype keys out of the payload and counts them', () => {
    const frame = JSON.parse(
      JSON.stringify({ type: 'tool-call-result', ...envelope, toolCallId: 'tc1' }).replace(/}$/, ',"result":{"__proto__":{"polluted":true},"constructor":1,"ok":true}}'),
    );
    const result = parseServerEvent(frame);
    expect(result).toMatchObject({ ok: true, droppedKeys: 2, event: { result: { ok: true } } });
    const payload = result.ok && result.event.type === 'tool-call-result' ? (result.event.result as object) : null;
    expect(Object.keys(payload ?? {})).toEqual(['ok']);
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
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
