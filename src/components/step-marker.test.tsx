import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../test-support/platos-test-harness';
import { StepMarker } from './step-marker';

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
});
