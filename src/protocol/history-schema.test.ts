import type * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { historyResponseSchema } from './history-schema.js';
import { parseHistoryResponse } from './parse-history.js';
import type { HistoryMessage, HistoryPart, HistoryResponse } from './view-types.js';

type SchemaHistory = v.InferOutput<typeof historyResponseSchema>;
type SchemaMessage = SchemaHistory['messages'][number];
type SchemaPart = Extract<SchemaMessage, { role: 'assistant' }>['parts'][number];

const toolCall = { id: 'tc1', turnId: 't1', messageId: 'a1', tool: 'search', argsText: '{}', status: 'succeeded', result: { hits: 1 } };
const assistant = {
  id: 'a1',
  role: 'assistant',
  turnId: 't1',
  status: 'finished',
  finishReason: 'stop',
  usage: { inputTokens: 1, outputTokens: 2 },
  durationMs: 5,
  parts: [
    { type: 'text', text: 'Hi' },
    { type: 'tool-call', toolCall },
    { type: 'artifact', artifact: { id: 'ar1', turnId: 't1', messageId: 'a1', kind: 'code', title: 'x', versions: ['a', 'b'], version: 2 } },
    { type: 'step', step: { id: 's1', turnId: 't1', index: 0, status: 'finished' } },
    { type: 'memory-write', memoryId: 'm1', content: 'c' },
    { type: 'memory-recall', query: 'q', memories: [{ memoryId: 'm1', content: 'c', score: 1 }] },
    { type: 'run', run: { id: 'r1', turnId: 't1', messageId: 'a1', status: 'running', progress: 5, updatedAt: 1 } },
    { type: 'approval', approval: { id: 'ap1', turnId: 't1', messageId: 'a1', tool: 'rm', args: { p: 1 }, state: 'pending' } },
    { type: 'error', code: 'c', message: 'm', retryable: true },
  ],
};
const history = {
  threadId: 'thread-1',
  lastEventId: 'e1-9',
  messages: [{ id: 'u1', role: 'user', turnId: 't1', text: 'hi', clientMessageId: 'cm-1' }, assistant],
};

describe('the history contract', () => {
  it('has exactly the shape of the view types', () => {
    expectTypeOf<SchemaHistory>().toEqualTypeOf<HistoryResponse>();
    expectTypeOf<SchemaMessage>().toEqualTypeOf<HistoryMessage>();
    expectTypeOf<SchemaPart>().toEqualTypeOf<HistoryPart>();
  });

  it('accepts every part kind and keeps every field', () => {
    expect(parseHistoryResponse(history)).toEqual({ ok: true, history });
  });

  it('drops unknown fields', () => {
    const parsed = parseHistoryResponse({ ...history, extra: 1, messages: [{ ...history.messages[0], mood: 'x' }] });
    expect(parsed.ok && parsed.history).toEqual({ ...history, messages: [history.messages[0]] });
  });

  it.each([
    ['a part of an unknown type', { ...history, messages: [{ ...assistant, parts: [{ type: 'thinking' }] }] }, /^messages\.0\.parts\.0\.type: /],
    ['a tool call with a bad status', { ...history, messages: [{ ...assistant, parts: [{ type: 'tool-call', toolCall: { ...toolCall, status: 'done' } }] }] }, /toolCall\.status/],
    ['a reserved entity id', { ...history, messages: [{ ...assistant, parts: [{ type: 'tool-call', toolCall: { ...toolCall, id: 'constructor' } }] }] }, /"constructor" is reserved/],
    ['versions out of step with version', { ...history, messages: [{ ...assistant, parts: [assistant.parts[2]!] }].map((message) => ({ ...message, parts: [{ type: 'artifact', artifact: { ...(assistant.parts[2] as { artifact: object }).artifact, version: 3 } }] })) }, /versions/],
    ['a missing lastEventId', { threadId: 't', messages: [] }, /lastEventId/],
  ])('rejects %s, naming the path', (_name, body, detail) => {
    const parsed = parseHistoryResponse(body);
    expect(parsed).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!parsed.ok && parsed.detail).toMatch(detail);
  });

  it('applies the frame limits, with room for the nesting a history adds', () => {
    const nested = (levels: number): unknown => (levels === 0 ? 1 : { a: nested(levels - 1) });
    const withResult = (result: unknown) => ({ ...history, messages: [{ ...assistant, parts: [{ type: 'tool-call', toolCall: { ...toolCall, result } }] }] });
    expect(parseHistoryResponse(withResult(nested(60))).ok).toBe(true);
    expect(parseHistoryResponse(withResult(nested(70)))).toMatchObject({ ok: false, reason: 'too-deep' });
    expect(parseHistoryResponse(withResult({ text: 'x'.repeat(300_000) }))).toMatchObject({ ok: false, reason: 'payload-too-large' });
  });

  it('leaves prototype keys out', () => {
    const hostile = JSON.parse('{"threadId":"t","lastEventId":null,"messages":[],"__proto__":{"polluted":true}}');
    const parsed = parseHistoryResponse(hostile);
    expect(parsed.ok && Object.getPrototypeOf(parsed.history)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
