import type { Meta, StoryObj } from '@storybook/react-vite';
import { PlatosProvider, PlatosThread, useOwnedClient } from '@platosdev/client/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { DEFAULT_OUTRO_TEXT } from '../../mock-server/scenarios/index.js';
import { EVENT_TYPES } from '../../src/protocol/index.js';
import { MOCK_AGENT_TOKEN, MOCK_AGENT_URL } from '../mock-agent/mock-agent-config.js';
import { TURN_TIMEOUT } from '../support/chat-play.js';
import { HooksOnlyChat } from './hooks-only-chat.js';
import { StreamSummary } from './stream-summary.js';
import './docs-examples.css';

/** The hooks-only chat and a usePlatosStream summary of the same thread, against the in-browser mock agent. */
function HeadlessExample({ threadId }: { threadId: string }) {
  // The mock intercepts WebSockets only; long-polling would go to the network.
  const client = useOwnedClient({ url: MOCK_AGENT_URL, token: MOCK_AGENT_TOKEN, transports: ['websocket'] })!;
  return (
    <PlatosProvider client={client}>
      <PlatosThread threadId={threadId}>
        <div className="docs-example-columns">
          <HooksOnlyChat />
          <StreamSummary threadId={threadId} />
        </div>
      </PlatosThread>
    </PlatosProvider>
  );
}

const meta = {
  title: 'Manual/Examples/Headless hooks',
  component: HeadlessExample,
  // Shown on the Headless hooks page of the manual, not on their own in the sidebar.
  tags: ['!dev'],
  parameters: { docs: { canvas: { sourceState: 'none' } } },
} satisfies Meta<typeof HeadlessExample>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A full turn of the mock agent, approved with its own plain button, rendered by hooks alone. */
export const HooksOnly: Story = {
  args: { threadId: 'manual-hooks-only' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('status', { name: 'Connection' })).toHaveTextContent('open'), TURN_TIMEOUT);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'How should a streaming chat handle reconnects?');
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Approve' }, TURN_TIMEOUT));

    await waitFor(() => expect(canvasElement.querySelector('li[data-role="assistant"]')).toHaveAttribute('data-state', 'finished'), TURN_TIMEOUT);
    const answer = canvasElement.querySelector('li[data-role="assistant"]') as HTMLElement;
    expect(answer).toHaveTextContent(DEFAULT_OUTRO_TEXT.trim());
    expect(answer.querySelector('[data-tool="search_docs"]')).toHaveTextContent('succeeded');
    expect(answer.querySelector('[data-tool="fetch_url"]')).toHaveTextContent('failed');
    expect(answer.querySelector('[data-approval="publish_summary"]')).toHaveTextContent('approved');
    expect(answer.querySelector('progress')).toHaveAttribute('value', '100');
    expect(canvas.getByRole('status', { name: 'Thread' })).toHaveTextContent('idle');
    expect(canvas.getByRole('status', { name: 'Event types' })).toHaveTextContent(String(EVENT_TYPES.length));
    expect(canvas.getByRole('status', { name: 'Last event' })).toHaveTextContent('finish');
    expect(canvas.getByRole('status', { name: 'Message count' })).toHaveTextContent('2');
  },
};
