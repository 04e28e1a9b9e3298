import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { ChatCustomizationProvider } from '../chat/chat-customization.js';
import { RunProgress } from './run-progress.js';

afterEach(cleanup);

function renderRun() {
  const harness = createPlatosHarness();
  const view = render(<RunProgress id="run-1" className="mine" data-testid="run" />, { wrapper: harness.Wrapper });
  return { ...harness, ...view, turnId: harness.startTurn() };
}

describe('RunProgress', () => {
  it('is a labelled determinate progressbar with its values, percent, status and ETA', async () => {
    const { push, event, turnId, container } = renderRun();
    push(event('run-update', turnId, { runId: 'run-1', status: 'running', progress: 42.4, label: 'Indexing files', etaMs: 65_000 }));

    const root = screen.getByTestId('run');
    expect(root.className).toBe('platos-run mine');
    expect(root.getAttribute('data-state')).toBe('running');
    expect(root.getAttribute('data-progress')).toBe('determinate');
    const bar = screen.getByRole('progressbar', { name: 'Indexing files' });
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(bar.getAttribute('aria-valuetext')).toBe('42%, Running, about 1 min 5 s left');
    expect(bar.getAttribute('data-state')).toBe('running');
    expect(screen.getByText('42%')).toBeTruthy();
    expect(screen.getByText('about 1 min 5 s left')).toBeTruthy();
    expect((bar.firstElementChild as HTMLElement).style.transform).toBe('translateX(-58%)');
    await expectAccessible(container);

    push(event('run-update', turnId, { runId: 'run-1', status: 'failed', progress: 80 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('80');
    expect(bar.getAttribute('aria-valuetext')).toBe('80%, Failed');
    expect(bar.getAttribute('data-state')).toBe('failed');
    expect(root.getAttribute('data-state')).toBe('failed');
    expect((bar.firstElementChild as HTMLElement).style.transform).toBe('translateX(-20%)');
    expect(screen.queryByText(/left$/)).toBeNull();
  });

  it('is indeterminate while queued: no aria-valuenow and no percent', async () => {
    const { push, event, turnId, container } = renderRun();
    push(event('run-update', turnId, { runId: 'run-1', status: 'queued', progress: 0 }));
    const bar = screen.getByRole('progressbar', { name: 'Background run' });
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(bar.getAttribute('aria-valuetext')).toBe('Queued');
    expect(bar.getAttribute('data-progress')).toBe('indeterminate');
    expect(screen.getByTestId('run').getAttribute('data-progress')).toBe('indeterminate');
    expect(container.querySelector('.platos-run-percent')).toBeNull();
    expect((bar.firstElementChild as HTMLElement).style.transform).toBe('');
    await expectAccessible(container);

    push(event('run-update', turnId, { runId: 'run-1', status: 'running', progress: 0 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(bar.getAttribute('data-progress')).toBe('determinate');
  });

  it('is indeterminate when the progress is unknown', () => {
    const { setState, threadId, push, event, turnId } = renderRun();
    push(event('run-update', turnId, { runId: 'run-1', status: 'running', progress: 10 }));
    // The protocol requires a number; a view from elsewhere (history, a custom store) may still hold NaN.
    act(() => {
      setState((state) => {
        const thread = state.threads[threadId]!;
        const run = thread.view.runs['run-1']!;
        return { threads: { ...state.threads, [threadId]: { ...thread, view: { ...thread.view, runs: { 'run-1': { ...run, progress: Number.NaN } } } } } };
      });
    });
    const bar = screen.getByRole('progressbar');
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(bar.getAttribute('aria-valuetext')).toBe('Running');
  });

  it('takes its texts from the chat labels', () => {
    const harness = createPlatosHarness();
    render(
      <ChatCustomizationProvider value={{ toolRenderers: {}, labels: { runRunning: 'En cours', runEta: 'encore {eta}', runFallbackLabel: 'Tâche' } }}>
        <RunProgress id="run-1" />
      </ChatCustomizationProvider>,
      { wrapper: harness.Wrapper },
    );
    harness.push(harness.event('run-update', harness.startTurn(), { runId: 'run-1', status: 'running', progress: 5, etaMs: 3_000 }));
    expect(screen.getByRole('progressbar', { name: 'Tâche' }).getAttribute('aria-valuetext')).toBe('5%, En cours, encore 3 s');
  });

  it('renders nothing for an unknown run', () => {
    const { container } = renderRun();
    expect(container.querySelector('.platos-run')).toBeNull();
  });
});
