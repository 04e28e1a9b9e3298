import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { connectionStatus, endedAssistantMessage, TURN_TIMEOUT } from '../support/chat-play.js';
import { NetworkCutDemo } from './network-cut-demo.js';

const meta = {
  title: 'Manual/Examples/Reliability',
  component: NetworkCutDemo,
  // Shown on the Reliability page of the manual, not on their own in the sidebar.
  tags: ['!dev'],
  parameters: { docs: { canvas: { sourceState: 'none' } } },
} satisfies Meta<typeof NetworkCutDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The network drops while the answer streams; the client reconnects, resumes, and the answer ends whole. */
export const NetworkCut: Story = {
  args: { threadId: 'manual-network-cut', cutMs: 2_000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'live'), TURN_TIMEOUT);
    await userEvent.click(canvas.getByRole('button', { name: 'Ask for a long answer' }));
    await waitFor(() => expect(canvas.getAllByRole('heading', { level: 2 }).length).toBeGreaterThan(1), TURN_TIMEOUT);
    await userEvent.click(canvas.getByRole('button', { name: 'Cut the network for 2 s' }));
    await waitFor(() => expect(canvas.getByRole('status', { name: 'Connection state' })).toHaveTextContent('reconnecting'), TURN_TIMEOUT);

    const message = await endedAssistantMessage(canvasElement);
    expect(message).toHaveAttribute('data-state', 'finished');
    // Every section exactly once: nothing lost in the cut, nothing repeated by the replay.
    expect(message.textContent?.match(/Paragraph \d+ explains/g)).toHaveLength(12);
    expect(within(message).getAllByRole('heading', { level: 2 })).toHaveLength(12);
    expect(message).toHaveTextContent('A quote closing section 12.');
    await waitFor(() => expect(canvas.getByRole('status', { name: 'Connection state' })).toHaveTextContent('open'), TURN_TIMEOUT);
    expect(canvas.getByRole('status', { name: 'Connection history' }).textContent).toMatch(/open → reconnecting → open$/);
  },
};
