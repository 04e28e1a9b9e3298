import type { Meta, StoryObj } from '@storybook/react-vite';
import { Run } from '@platosdev/client/react';
import { expect, waitFor, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios/index.js';
// Not exported from the package entry yet.
import { RunTray } from '../src/components/run/run-tray.js';
import { withThreadEvents } from './support/thread-fixture.js';

const runId = 'run-index';
const label = 'Re-indexing the docs';
const update = (status: 'queued' | 'running' | 'succeeded' | 'failed', progress: number, etaMs?: number, run = { runId, label }): EventBody => ({
  type: 'run-update',
  ...run,
  status,
  progress,
  ...(etaMs === undefined ? {} : { etaMs }),
});

const meta = {
  title: 'Components/RunProgress',
  component: Run.Progress,
  tags: ['autodocs'],
  args: { id: runId },
} satisfies Meta<typeof Run.Progress>;

export default meta;
type Story = StoryObj<typeof meta>;

async function expectProgress(canvasElement: HTMLElement, state: string, percent: number, statusLabel: string) {
  const bar = await within(canvasElement).findByRole('progressbar', { name: label });
  expect(bar).toHaveAttribute('data-state', state);
  expect(bar).toHaveAttribute('aria-valuenow', String(percent));
  expect(bar.getAttribute('aria-valuetext')).toContain(`${percent}%, ${statusLabel}`);
  return bar;
}

/** Queued: indeterminate, so no aria-valuenow and no percent; the bar slides (or sits faded with reduced motion). */
export const Queued: Story = {
  decorators: [withThreadEvents([update('queued', 0)])],
  play: async ({ canvasElement }) => {
    const bar = await within(canvasElement).findByRole('progressbar', { name: label });
    expect(bar).toHaveAttribute('data-state', 'queued');
    expect(bar).toHaveAttribute('data-progress', 'indeterminate');
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bar).toHaveAttribute('aria-valuetext', 'Queued');
    expect(canvasElement.querySelector('.platos-run-percent')).toBeNull();
  },
};

export const FortyPercent: Story = {
  name: '40 %',
  decorators: [withThreadEvents([update('queued', 0), update('running', 20, 4_000), update('running', 40, 3_000)])],
  play: async ({ canvasElement }) => {
    const bar = await expectProgress(canvasElement, 'running', 40, 'Running');
    expect(bar.getAttribute('aria-valuetext')).toMatch(/left$/);
    expect(within(canvasElement).getByText('40%')).toBeInTheDocument();
    // The fill is bar-wide and slid left by transform; once the transition settles its visible part is 40 %.
    const fill = bar.firstElementChild as HTMLElement;
    await waitFor(() => {
      const barBox = bar.getBoundingClientRect();
      expect((fill.getBoundingClientRect().right - barBox.left) / barBox.width).toBeCloseTo(0.4, 1);
    });
  },
};

export const Succeeded: Story = {
  decorators: [withThreadEvents([update('queued', 0), update('running', 60, 1_000), update('succeeded', 100)])],
  play: async ({ canvasElement }) => {
    await expectProgress(canvasElement, 'succeeded', 100, 'Completed');
  },
};

export const Failed: Story = {
  decorators: [withThreadEvents([update('queued', 0), update('running', 70, 1_000), update('failed', 70)])],
  play: async ({ canvasElement }) => {
    const bar = await expectProgress(canvasElement, 'failed', 70, 'Failed');
    expect(bar.getAttribute('aria-valuetext')).not.toContain('left');
  },
};

/** The compact tray of the thread's runs: active ones first, each with a mini bar. */
export const Tray: Story = {
  decorators: [
    withThreadEvents([
      update('running', 100, undefined, { runId: 'run-export', label: 'Exporting the report' }),
      update('succeeded', 100, undefined, { runId: 'run-export', label: 'Exporting the report' }),
      update('running', 45, 12_000, { runId: 'run-crawl', label: 'Crawling 120 pages' }),
      update('queued', 0, undefined, { runId: 'run-embed', label: 'Embedding the new pages' }),
      update('failed', 20, undefined, { runId: 'run-sync', label: 'Syncing the calendar' }),
    ]),
  ],
  render: () => <RunTray />,
  play: async ({ canvasElement }) => {
    const tray = await within(canvasElement).findByRole('region', { name: 'Background runs' });
    const labels = within(tray)
      .getAllByRole('listitem')
      .map((row) => row.querySelector('.platos-run-tray-label')?.textContent);
    expect(labels).toEqual(['Crawling 120 pages', 'Embedding the new pages', 'Exporting the report', 'Syncing the calendar']);
    expect(within(tray).getByRole('progressbar', { name: 'Crawling 120 pages' })).toHaveAttribute('aria-valuenow', '45');
    expect(within(tray).getByRole('progressbar', { name: 'Embedding the new pages' })).not.toHaveAttribute('aria-valuenow');
  },
};
