import type { Meta, StoryObj } from '@storybook/react-vite';
import { RunProgress } from '@platosdev/client/react';
import { expect, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios';
import { withThreadEvents } from './support/thread-fixture';

const runId = 'run-index';
const label = 'Re-indexing the docs';
const update = (status: 'queued' | 'running' | 'succeeded' | 'failed', progress: number, etaMs?: number): EventBody => ({
  type: 'run-update',
  runId,
  status,
  progress,
  label,
  ...(etaMs === undefined ? {} : { etaMs }),
});

const meta = {
  title: 'Components/RunProgress',
  component: RunProgress,
  tags: ['autodocs'],
  args: { id: runId },
} satisfies Meta<typeof RunProgress>;

export default meta;
type Story = StoryObj<typeof meta>;

async function expectProgress(canvasElement: HTMLElement, state: string, percent: number, statusLabel: string) {
  const bar = await within(canvasElement).findByRole('progressbar', { name: label });
  expect(bar).toHaveAttribute('data-state', state);
  expect(bar).toHaveAttribute('aria-valuenow', String(percent));
  expect(bar.getAttribute('aria-valuetext')).toContain(`${percent}%, ${statusLabel}`);
  return bar;
}

export const Queued: Story = {
  decorators: [withThreadEvents([update('queued', 0)])],
  play: async ({ canvasElement }) => {
    await expectProgress(canvasElement, 'queued', 0, 'Queued');
  },
};

export const FortyPercent: Story = {
  name: '40 %',
  decorators: [withThreadEvents([update('queued', 0), update('running', 20, 4_000), update('running', 40, 3_000)])],
  play: async ({ canvasElement }) => {
    const bar = await expectProgress(canvasElement, 'running', 40, 'Running');
    expect(bar.getAttribute('aria-valuetext')).toMatch(/left$/);
    expect(within(canvasElement).getByText('40%')).toBeInTheDocument();
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
