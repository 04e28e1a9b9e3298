import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../../test/support/event-factory.js';
import type { ServerEvent } from '../../protocol/index.js';
import { applyEvent } from '../view/apply-event.js';
import { createThreadView } from '../view/create-thread-view.js';
import { boundThreadView } from './bound-thread-view.js';
import { isThreadSnapshot } from './thread-snapshot.js';

const limits = { maxMessagesPerThread: 200, maxThreadBytes: 2 * 1024 * 1024, maxThreads: 50 };

/** A finished turn `t{n}` (user `u{n}`, assistant `a{n}`) with a step, tool call, artifact, run and approval. */
function fullTurn(event: ReturnType<typeof createEventFactory>, n: number, withUserMessage = true): ServerEvent[] {
  const turnId = `t${n}`;
  return [
    ...(withUserMessage ? [event('turn-start', turnId, { messageId: `a${n}`, userMessage: { id: `u${n}`, text: `question ${n}` } })] : []),
    event('step-start', turnId, { stepId: `step${n}`, index: 0 }),
    event('tool-call-start', turnId, { toolCallId: `tool${n}`, tool: 'search' }),
    event('artifact-created', turnId, { artifactId: `art${n}`, kind: 'markdown', title: 'Notes', content: 'x', version: 1 }),
    event('run-update', turnId, { runId: `run${n}`, status: 'succeeded', progress: 100 }),
    event('approval-pending', turnId, { approvalId: `ap${n}`, tool: 'delete', args: {} }),
    event('text-delta', turnId, { messageId: `a${n}`, delta: `answer ${n}` }),
    event('finish', turnId, { finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 1 }),
  ];
}

/** 201 messages: a lone assistant message of turn t0 (joined mid-turn), then 100 full turns. */
function viewOf201Messages() {
  const event = createEventFactory();
  const events = [...fullTurn(event, 0, false)];
  for (let n = 1; n <= 100; n += 1) events.push(...fullTurn(event, n));
  return events.reduce(applyEvent, createThreadView('thread-1'));
}

describe('boundThreadView', () => {
  it('keeps the last 200 of 201 messages and drops what belongs only to the dropped one', () => {
    const view = viewOf201Messages();
    expect(view.messageIds).toHaveLength(201);

    const bounded = boundThreadView(view, limits);
    expect(bounded?.messageIds).toEqual(view.messageIds.slice(1));
    expect(Object.keys(bounded?.messages ?? {})).toHaveLength(200);
    for (const record of ['turns', 'toolCalls', 'artifacts', 'runs', 'approvals', 'steps'] as const) {
      expect(Object.keys(bounded?.[record] ?? {})).toHaveLength(100);
    }
    expect(bounded?.turns.t0).toBeUndefined();
    expect(bounded?.toolCalls.tool0).toBeUndefined();
    expect(bounded?.steps.step0).toBeUndefined();
    expect(bounded?.approvals.ap0).toBeUndefined();
    expect(bounded?.toolCalls.tool1).toBeDefined();
    expect(bounded?.lastEventId).toBe(view.lastEventId);
  });

  it('keeps a turn whose user message was dropped as long as its assistant message is kept', () => {
    const bounded = boundThreadView(viewOf201Messages(), { ...limits, maxMessagesPerThread: 199 });
    expect(bounded?.messageIds[0]).toBe('a1');
    expect(bounded?.turns.t1).toEqual({ userMessageId: 'u1', messageId: 'a1' });
    expect(bounded?.toolCalls.tool1).toBeDefined();
  });

  it('returns the view itself when it is within the bounds', () => {
    const view = viewOf201Messages();
    expect(boundThreadView(view, { ...limits, maxMessagesPerThread: 500 })).toBe(view);
  });

  it('cuts further, oldest first, until the JSON fits maxThreadBytes', () => {
    const view = viewOf201Messages();
    const maxThreadBytes = Math.floor(JSON.stringify(view).length / 4);
    const bounded = boundThreadView(view, { ...limits, maxThreadBytes });
    expect(JSON.stringify(bounded).length).toBeLessThanOrEqual(maxThreadBytes);
    expect(bounded?.messageIds.length).toBeGreaterThan(20);
    expect(bounded?.messageIds.at(-1)).toBe('a100');
  });

  it('gives null when not even one message fits', () => {
    expect(boundThreadView(viewOf201Messages(), { ...limits, maxThreadBytes: 10 })).toBeNull();
  });
});

describe('isThreadSnapshot', () => {
  it('accepts a saved view of the thread and refuses broken or foreign ones', () => {
    const view = viewOf201Messages();
    expect(isThreadSnapshot({ view, savedAt: 1 }, 'thread-1')).toBe(true);
    expect(isThreadSnapshot({ view, savedAt: 1 }, 'other')).toBe(false);
    expect(isThreadSnapshot({ view: { ...view, messageIds: ['missing'] }, savedAt: 1 }, 'thread-1')).toBe(false);
    expect(isThreadSnapshot({ view: { ...view, turns: null }, savedAt: 1 }, 'thread-1')).toBe(false);
    expect(isThreadSnapshot({ view: { ...view, messages: undefined }, savedAt: 1 }, 'thread-1')).toBe(false);
    expect(isThreadSnapshot('garbage', 'thread-1')).toBe(false);
    expect(isThreadSnapshot({ view }, 'thread-1')).toBe(false);
  });
});
