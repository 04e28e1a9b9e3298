import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../test-support/platos-test-harness';
import { RunProgress } from './run-progress';

afterEach(cleanup);

describe('RunProgress', () => {
  it('is a labelled progressbar with its values, percent and status', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    render(<RunProgress id="run-1" />, { wrapper: Wrapper });
    const turnId = startTurn();
    push(event('run-update', turnId, { runId: 'run-1', status: 'running', progress: 42.4, label: 'Indexing files', etaMs: 65_000 }));

    const bar = screen.getByRole('progressbar', { name: 'Indexing files' });
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(bar.getAttribute('aria-valuetext')).toBe('42%, Running, about 1 min 5 s left');
    expect(bar.getAttribute('data-state')).toBe('running');
    expect(screen.getByText('42%')).toBeTruthy();

    push(event('run-update', turnId, { runId: 'run-1', status: 'failed', progress: 80 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('80');
    expect(bar.getAttribute('aria-valuetext')).toBe('80%, Failed');
    expect(bar.getAttribute('data-state')).toBe('failed');
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('80%');
  });

  it('falls back to a generic label', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    render(<RunProgress id="run-1" />, { wrapper: Wrapper });
    push(event('run-update', startTurn(), { runId: 'run-1', status: 'queued', progress: 0 }));
    expect(screen.getByRole('progressbar', { name: 'Background run' }).getAttribute('aria-valuenow')).toBe('0');
  });
});
