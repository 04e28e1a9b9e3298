import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { RunTray } from './run-tray.js';

afterEach(cleanup);

describe('RunTray', () => {
  it('lists the thread runs, active first, each with a labelled mini bar', async () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    const { container } = render(<RunTray className="mine" data-testid="tray" />, { wrapper: Wrapper });
    expect(container.querySelector('.platos-run-tray')).toBeNull();

    const turnId = startTurn();
    push(
      event('run-update', turnId, { runId: 'done', status: 'running', progress: 50, label: 'Export' }),
      event('run-update', turnId, { runId: 'index', status: 'running', progress: 30, label: 'Indexing' }),
      event('run-update', turnId, { runId: 'wait', status: 'queued', progress: 0, label: 'Upload' }),
    );
    push(event('run-update', turnId, { runId: 'done', status: 'succeeded', progress: 100 }));

    const tray = screen.getByRole('region', { name: 'Background runs' });
    expect(tray.className).toBe('platos-run-tray mine');
    const rows = within(tray).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.platos-run-tray-label')?.textContent)).toEqual(['Indexing', 'Upload', 'Export']);
    expect(rows.map((row) => row.getAttribute('data-state'))).toEqual(['running', 'queued', 'succeeded']);
    expect(rows.map((row) => row.querySelector('.platos-run-tray-value')?.textContent)).toEqual(['30%', 'Queued', 'Completed']);
    expect(within(tray).getByRole('progressbar', { name: 'Indexing' }).getAttribute('aria-valuenow')).toBe('30');
    expect(within(tray).getByRole('progressbar', { name: 'Upload' }).hasAttribute('aria-valuenow')).toBe(false);
    expect(within(tray).getByRole('progressbar', { name: 'Export' }).getAttribute('aria-valuenow')).toBe('100');
    await expectAccessible(container);

    push(event('run-update', turnId, { runId: 'index', status: 'failed', progress: 30 }));
    expect(within(tray).getAllByRole('listitem').map((row) => row.querySelector('.platos-run-tray-label')?.textContent)).toEqual(['Upload', 'Export', 'Indexing']);
  });

  it('shows an empty state when given one', () => {
    const { Wrapper } = createPlatosHarness();
    render(<RunTray emptyState="No background work" />, { wrapper: Wrapper });
    expect(screen.getByRole('region', { name: 'Background runs' }).textContent).toBe('No background work');
  });

  it("show='active' lists only queued and running runs and disappears once they are done", () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    const { container } = render(<RunTray show="active" />, { wrapper: Wrapper });
    const turnId = startTurn();
    push(
      event('run-update', turnId, { runId: 'a', status: 'running', progress: 10, label: 'Indexing' }),
      event('run-update', turnId, { runId: 'b', status: 'succeeded', progress: 100, label: 'Export' }),
    );
    expect(screen.getAllByRole('listitem').map((row) => row.querySelector('.platos-run-tray-label')?.textContent)).toEqual(['Indexing']);
    push(event('run-update', turnId, { runId: 'a', status: 'succeeded', progress: 100 }));
    expect(container.querySelector('.platos-run-tray')).toBeNull();
  });
});
