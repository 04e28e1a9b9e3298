import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../test-support/platos-test-harness';
import { ToolCallCard } from './tool-call-card';

afterEach(cleanup);

describe('ToolCallCard', () => {
  it('shows the streamed arguments as they arrive and the status as data-state', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    render(<ToolCallCard id="tc-1" />, { wrapper: Wrapper });
    const turnId = startTurn();
    push(event('tool-call-start', turnId, { toolCallId: 'tc-1', tool: 'get_weather' }));
    push(event('tool-call-args', turnId, { toolCallId: 'tc-1', delta: '{"city":"Par' }));
    const card = screen.getByRole('region', { name: 'Tool call: get_weather' });
    expect(card.getAttribute('data-state')).toBe('streaming-args');
    expect(card.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByLabelText('Arguments').textContent).toBe('{"city":"Par');
    expect(screen.getByText('Preparing')).toBeTruthy();

    push(event('tool-call-args', turnId, { toolCallId: 'tc-1', delta: 'is"}' }));
    push(event('tool-call-result', turnId, { toolCallId: 'tc-1', result: { temperature: 21 } }));
    expect(card.getAttribute('data-state')).toBe('succeeded');
    expect(card.getAttribute('aria-busy')).toBeNull();
    expect(screen.getByLabelText('Result').textContent).toBe('{\n  "temperature": 21\n}');
  });

  it('shows the error of a failed call', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    render(<ToolCallCard id="tc-1" />, { wrapper: Wrapper });
    const turnId = startTurn();
    push(event('tool-call-start', turnId, { toolCallId: 'tc-1', tool: 'fetch' }));
    push(event('tool-call-error', turnId, { toolCallId: 'tc-1', error: { code: 'timeout', message: 'Took too long' } }));
    const card = screen.getByRole('region', { name: 'Tool call: fetch' });
    expect(card.getAttribute('data-state')).toBe('failed');
    expect(card.textContent).toContain('timeout Took too long');
    expect(screen.queryByLabelText('Result')).toBeNull();
  });
});
