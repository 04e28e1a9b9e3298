import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { endedAssistantMessage, sendMessage } from '../support/chat-play.js';
import { MockAgentChat } from '../support/mock-agent-chat.js';

const meta = {
  title: 'Manual/Examples/Getting started',
  component: MockAgentChat,
  // Shown on the Getting started page of the manual, not on their own in the sidebar.
  tags: ['!dev'],
  parameters: { docs: { canvas: { sourceState: 'none' } } },
} satisfies Meta<typeof MockAgentChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The drop-in chat with its own client, talking to the agent that lives in this page. */
export const FirstChat: Story = {
  args: { threadId: 'manual-first-chat', title: 'Assistant' },
  play: async ({ canvasElement }) => {
    await sendMessage(canvasElement, 'echo Hello from the manual');
    const message = await endedAssistantMessage(canvasElement);
    expect(message).toHaveAttribute('data-state', 'finished');
    expect(message).toHaveTextContent('echo Hello from the manual');
    expect(within(canvasElement).getByRole('article', { name: 'You' })).toHaveTextContent('echo Hello from the manual');
  },
};
