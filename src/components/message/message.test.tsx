import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES, type ServerEvent } from '../../protocol/index.js';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { Message } from './message.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';

beforeAll(preloadLazyParts);

afterEach(cleanup);

describe('Message', () => {
  it('renders a user message as its plain text', () => {
    const { Wrapper, startTurn } = createPlatosHarness();
    render(<Message id="user-1" className="mine" />, { wrapper: Wrapper });
    startTurn(1, 'Hello **there**');
    const article = screen.getByRole('article', { name: 'You' });
    expect(article.textContent).toBe('Hello **there**');
    expect(article.className).toBe('platos-message mine');
  });

  it('is busy while streaming and shows how the turn ended', () => {
    const { Wrapper, startTurn, finishTurn, push, event } = createPlatosHarness();
    render(<Message id="assistant-1" />, { wrapper: Wrapper });
    const turnId = startTurn();
    const article = screen.getByRole('article', { name: 'Assistant' });
    expect(article.getAttribute('aria-busy')).toBe('true');
    expect(article.getAttribute('data-state')).toBe('streaming');
    push(event('text-delta', turnId, { messageId: 'assistant-1', delta: 'Done.' }));
    finishTurn(turnId, 'cancelled');
    expect(article.getAttribute('aria-busy')).toBeNull();
    expect(article.getAttribute('data-state')).toBe('cancelled');
    expect(article.textContent).toContain('Stopped · 15 tokens · 2 s');
  });

  it('gives every event type a visible rendering, with parts in order', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    render(
      <>
        <Message id="user-1" />
        <Message id="assistant-1" />
      </>,
      { wrapper: Wrapper },
    );
    const turnId = startTurn(1, 'Plan my trip');
    const events: ServerEvent[] = [
      event('step-start', turnId, { stepId: 'step-1', index: 0, name: 'research' }),
      event('memory-recall-result', turnId, { query: 'trips', memories: [{ memoryId: 'm-1', content: 'Likes trains' }] }),
      event('text-delta', turnId, { messageId: 'assistant-1', delta: 'Looking up **trains**.' }),
      event('tool-call-start', turnId, { toolCallId: 'tc-1', tool: 'search_trains' }),
      event('tool-call-args', turnId, { toolCallId: 'tc-1', delta: '{"to":"Rome"}' }),
      event('tool-call-result', turnId, { toolCallId: 'tc-1', result: { trains: 4 } }),
      event('tool-call-start', turnId, { toolCallId: 'tc-2', tool: 'book_hotel' }),
      event('tool-call-error', turnId, { toolCallId: 'tc-2', error: { code: 'sold_out', message: 'No rooms left' } }),
      event('step-finish', turnId, { stepId: 'step-1', finishReason: 'tool-calls' }),
      event('artifact-created', turnId, { artifactId: 'art-1', kind: 'markdown', title: 'Itinerary', content: '# Day 1', version: 1 }),
      event('artifact-updated', turnId, { artifactId: 'art-1', version: 2, content: '# Day 1\n\nRome' }),
      event('run-update', turnId, { runId: 'run-1', status: 'running', progress: 30, label: 'Comparing fares' }),
      event('approval-pending', turnId, { approvalId: 'ap-1', tool: 'pay', args: { amount: 120 } }),
      event('approval-resolved', turnId, { approvalId: 'ap-1', decision: 'approved' }),
      event('memory-write', turnId, { memoryId: 'm-2', content: 'Going to Rome' }),
      event('error', turnId, { code: 'rate_limited', message: 'Slowing down', retryable: true }),
      event('finish', turnId, { finishReason: 'stop', usage: { inputTokens: 100, outputTokens: 20 }, durationMs: 4200 }),
    ];
    push(...events);
    expect(new Set(['turn-start', ...events.map((item) => item.type)])).toEqual(new Set(EVENT_TYPES));

    expect(screen.getByRole('article', { name: 'You' }).textContent).toBe('Plan my trip');
    const assistant = within(screen.getByRole('article', { name: 'Assistant' }));
    expect(assistant.getByText('Step 1: research')).toBeTruthy();
    expect(assistant.getByText('tool-calls')).toBeTruthy();
    expect(assistant.getByText(/Recalled 1 memory/)).toBeTruthy();
    expect(assistant.getByText('trains').tagName).toBe('STRONG');
    const search = assistant.getByRole('region', { name: 'Tool call: search_trains' });
    expect(search.getAttribute('data-state')).toBe('succeeded');
    expect(search.textContent).toContain('"to": "Rome"');
    expect(search.textContent).toContain('"trains": 4');
    const hotel = assistant.getByRole('region', { name: 'Tool call: book_hotel' });
    expect(hotel.getAttribute('data-state')).toBe('failed');
    expect(hotel.textContent).toContain('No rooms left');
    expect(assistant.getByRole('region', { name: 'Artifact: Itinerary' }).textContent).toContain('v2 of 2');
    expect(assistant.getByRole('progressbar', { name: 'Comparing fares' }).getAttribute('aria-valuenow')).toBe('30');
    expect(assistant.getByRole('region', { name: 'Approval: pay' }).getAttribute('data-state')).toBe('approved');
    expect(assistant.getByText(/Remembered “Going to Rome”/)).toBeTruthy();
    expect(assistant.getByRole('note').textContent).toContain('Slowing down');
    expect(assistant.getByText('120 tokens · 4 s')).toBeTruthy();

    const classes = [...document.querySelectorAll('.platos-message-body > *')].map((element) => element.className.split(' ')[0]);
    expect(classes).toEqual([
      'platos-step',
      'platos-memory',
      'platos-markdown',
      'platos-tool-call',
      'platos-tool-call',
      'platos-artifact',
      'platos-run',
      'platos-approval',
      'platos-memory',
      'platos-error-note',
    ]);
  });
});
