import type { Meta, StoryObj } from '@storybook/react-vite';
import { ApprovalPrompt } from '@platosdev/client/react';
import { expect, userEvent, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios';
import { withThreadEvents } from './support/thread-fixture';

const approvalId = 'approval-delete';
const pending: EventBody = {
  type: 'approval-pending',
  approvalId,
  tool: 'delete_file',
  args: { path: '/tmp/report.csv' },
  reason: 'Deleting files cannot be undone.',
  expiresAt: Date.UTC(2030, 0, 1, 12, 0, 0),
};
const resolved = (decision: 'approved' | 'denied' | 'expired', resolvedBy: string): EventBody[] => [
  pending,
  { type: 'approval-resolved', approvalId, decision, resolvedBy },
];

const meta = {
  title: 'Components/ApprovalPrompt',
  component: ApprovalPrompt,
  tags: ['autodocs'],
  args: { id: approvalId },
} satisfies Meta<typeof ApprovalPrompt>;

export default meta;
type Story = StoryObj<typeof meta>;

const prompt = (canvasElement: HTMLElement) => within(canvasElement).findByRole('region', { name: 'Approval: delete_file' });

/** Waiting for a decision. Clicking Approve sends it once; the server answers with approval-resolved. */
export const Pending: Story = {
  decorators: [withThreadEvents([pending])],
  play: async ({ canvasElement, step }) => {
    const region = await prompt(canvasElement);
    expect(region).toHaveAttribute('data-state', 'pending');
    expect(region).toHaveTextContent('Deleting files cannot be undone.');
    expect(within(region).getByLabelText('Arguments')).toHaveTextContent('/tmp/report.csv');
    await step('approve', async () => {
      await userEvent.click(within(region).getByRole('button', { name: 'Approve' }));
      expect(await within(region).findByText('Approved by user')).toBeInTheDocument();
    });
    expect(region).toHaveAttribute('data-state', 'approved');
    expect(within(region).queryByRole('button', { name: 'Approve' })).toBeNull();
  },
};

export const Approved: Story = {
  decorators: [withThreadEvents(resolved('approved', 'user'))],
  play: async ({ canvasElement }) => {
    const region = await prompt(canvasElement);
    expect(region).toHaveAttribute('data-state', 'approved');
    expect(within(region).getByRole('status')).toHaveTextContent('Approved by user');
    expect(within(region).queryAllByRole('button')).toHaveLength(0);
  },
};

export const Denied: Story = {
  decorators: [withThreadEvents(resolved('denied', 'user'))],
  play: async ({ canvasElement }) => {
    const region = await prompt(canvasElement);
    expect(region).toHaveAttribute('data-state', 'denied');
    expect(within(region).getByRole('status')).toHaveTextContent('Denied by user');
  },
};

/** Nobody answered in time; the server resolved it. */
export const Expired: Story = {
  decorators: [withThreadEvents(resolved('expired', 'server'))],
  play: async ({ canvasElement }) => {
    const region = await prompt(canvasElement);
    expect(region).toHaveAttribute('data-state', 'expired');
    expect(within(region).getByRole('status')).toHaveTextContent('Expired without a decision by server');
  },
};
