import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { Message } from '../message/message.js';
import { StepMarker } from './step-marker.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';

beforeAll(preloadLazyParts);

afterEach(cleanup);

describe('StepMarker', () => {
  it('shows the step number and name, then how it finished', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    const { container } = render(<StepMarker id="step-1" />, { wrapper: Wrapper });
    const turnId = startTurn();
    push(event('step-start', turnId, { stepId: 'step-1', index: 1, name: 'write' }));
    const marker = container.querySelector('.platos-step');
    expect(marker?.getAttribute('data-state')).toBe('running');
    expect(screen.getByText('Step 2: write')).toBeTruthy();
    expect(screen.getByText('in progress')).toBeTruthy();
    push(event('step-finish', turnId, { stepId: 'step-1', finishReason: 'stop', usage: { inputTokens: 7, outputTokens: 3 } }));
    expect(marker?.getAttribute('data-state')).toBe('finished');
    expect(screen.getByText('stop · 10 tokens')).toBeTruthy();
  });

  it('marks each step of a multi-step turn in order, inside the message', async () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    const { container } = render(<Message id="assistant-1" />, { wrapper: Wrapper });
    const turnId = startTurn();
    push(
      event('step-start', turnId, { stepId: 'step-a', index: 0, name: 'plan' }),
      event('text-delta', turnId, { messageId: 'assistant-1', delta: 'Planning. ' }),
      event('step-finish', turnId, { stepId: 'step-a', finishReason: 'tool-calls' }),
      event('step-start', turnId, { stepId: 'step-b', index: 1, name: 'answer' }),
      event('text-delta', turnId, { messageId: 'assistant-1', delta: 'Answer.' }),
    );
    const markers = [...container.querySelectorAll('.platos-step')];
    expect(markers.map((marker) => [marker.getAttribute('data-index'), marker.getAttribute('data-state'), marker.querySelector('.platos-step-title')?.textContent])).toEqual([
      ['0', 'finished', 'Step 1: plan'],
      ['1', 'running', 'Step 2: answer'],
    ]);
    await expectAccessible(container);
  });
});
