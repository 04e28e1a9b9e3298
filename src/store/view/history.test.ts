import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../protocol/index.js';
import { createEventFactory } from '../../../test/support/event-factory.js';
import { randomEventSequence } from '../../../test/support/random-events.js';
import { applyEvent } from './apply-event.js';
import { createThreadView } from './create-thread-view.js';
import { viewFromHistory, viewToHistory } from './history.js';

const fold = (events: ServerEvent[]) => events.reduce(applyEvent, createThreadView('thread-1'));

function fullTurn() {
  const event = createEventFactory();
  return [
    event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'do it', clientMessageId: 'cm-1' } }),
    event('step-start', 't1', { stepId: 's1', index: 0 }),
    event('text-delta', 't1', { messageId: 'a1', delta: 'Sure. ' }),
    event('tool-call-start', 't1', { toolCallId: 'c1', tool: 'search', stepId: 's1' }),
    event('tool-call-args', 't1', { toolCallId: 'c1', delta: '{"q":"x"}' }),
    event('tool-call-result', 't1', { toolCallId: 'c1', result: ['r'] }),
    event('artifact-created', 't1', { artifactId: 'd1', kind: 'markdown', title: 'Notes', content: '#', version: 1 }),
    event('artifact-updated', 't1', { artifactId: 'd1', version: 2, delta: ' Title' }),
    event('run-update', 't1', { runId: 'r1', status: 'running', progress: 50 }),
    event('approval-pending', 't1', { approvalId: 'ap1', tool: 'rm', args: { path: 'x' } }),
    event('memory-write', 't1', { memoryId: 'm1', content: 'fact' }),
    event('step-finish', 't1', { stepId: 's1', finishReason: 'stop' }),
    event('finish', 't1', { finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 2 }, durationMs: 30 }),
    event('turn-start', 't2', { messageId: 'a2', userMessage: { id: 'u2', text: 'more' } }),
    event('text-delta', 't2', { messageId: 'a2', delta: 'Working' }),
  ];
}

describe('viewToHistory', () => {
  it('puts entities inline in the parts, in message order', () => {
    const history = viewToHistory(fold(fullTurn()));
    expect(history.threadId).toBe('thread-1');
    expect(history.lastEventId).toBe('e1-15');
    expect(history.messages.map((message) => message.id)).toEqual(['u1', 'a1', 'u2', 'a2']);
    const first = history.messages[1];
    expect(first?.role === 'assistant' && first.parts.map((part) => part.type)).toEqual([
      'step',
      'text',
      'tool-call',
      'artifact',
      'run',
      'approval',
      'memory-write',
    ]);
    expect(first).toMatchObject({
      parts: [
        { step: { id: 's1', status: 'finished' } },
        { text: 'Sure. ' },
        { toolCall: { id: 'c1', status: 'succeeded', result: ['r'] } },
        { artifact: { id: 'd1', versions: ['#', '# Title'], version: 2 } },
        { run: { id: 'r1', progress: 50 } },
        { approval: { id: 'ap1', state: 'pending' } },
        { memoryId: 'm1' },
      ],
    });
  });
});

describe('viewFromHistory', () => {
  it('restores the view, with the still streaming turn active', () => {
    const view = fold(fullTurn());
    const restored = viewFromHistory(viewToHistory(view));
    expect(restored).toStrictEqual(view);
    expect(restored.activeTurnId).toBe('t2');
  });

  it('has no active turn when every turn finished', () => {
    const event = createEventFactory();
    const view = fold([
      event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'q' } }),
      event('finish', 't1', { finishReason: 'cancelled', usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 1 }),
    ]);
    expect(viewFromHistory(viewToHistory(view)).activeTurnId).toBeNull();
  });

  it('round-trips an empty thread', () => {
    const view = createThreadView('empty');
    expect(viewFromHistory(viewToHistory(view))).toStrictEqual(view);
  });

  it('round-trips 300 random event sequences, also through JSON', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const events = randomEventSequence(seed);
      const view = fold(events);
      expect(view.lastEventId).toBe(events.at(-1)?.id);
      expect(viewFromHistory(viewToHistory(view)), `seed ${seed}`).toStrictEqual(view);
      const overTheWire = JSON.parse(JSON.stringify(viewToHistory(view)));
      expect(viewFromHistory(overTheWire), `seed ${seed} via JSON`).toStrictEqual(view);
    }
  });

  it('random sequences really exercise placeholders, entities and finished turns', () => {
    const views = Array.from({ length: 50 }, (_, index) => fold(randomEventSequence(index + 1)));
    expect(views.some((view) => Object.values(view.turns).some((turn) => turn.userMessageId === ''))).toBe(true);
    expect(views.some((view) => Object.keys(view.toolCalls).length > 0 && Object.keys(view.artifacts).length > 0)).toBe(true);
    expect(views.some((view) => view.activeTurnId === null)).toBe(true);
    expect(views.some((view) => view.activeTurnId !== null)).toBe(true);
  });
});
