import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyAgent } from './mock-agent/story-agent.js';
import { connectionStatus, endedAssistantMessage, sendMessage, TURN_TIMEOUT } from './support/chat-play.js';
import { StoryClientChat } from './support/story-client-chat.js';

/** Longer than any story test or look; the next story's reset undoes it. */
const HELD_MS = 10 * 60_000;

const meta = {
  title: 'Chat/ConnectionStates',
  component: StoryClientChat,
  parameters: {
    docs: {
      description: {
        component:
          'The chat held in each connection state, with a real client against the in-browser mock agent: the pill in the header, the banner under it and the composer each say what is going on.',
      },
    },
  },
  args: { threadId: 'connection-state', height: 520 },
} satisfies Meta<typeof StoryClientChat>;

export default meta;
type Story = StoryObj<typeof meta>;

async function expectPill(canvasElement: HTMLElement, state: string, label: string) {
  await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', state), TURN_TIMEOUT);
  expect(connectionStatus(canvasElement)).toHaveTextContent(label);
}

/** The mock agent takes its time to accept the handshake: the chat says Connecting and shows no error. */
export const Connecting: Story = {
  args: { threadId: 'connection-connecting' },
  beforeEach: () => storyAgent.delayAuth(HELD_MS),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectPill(canvasElement, 'connecting', 'Connecting');
    expect(connectionStatus(canvasElement)).toHaveAttribute('data-connection', 'connecting');
    expect(canvas.queryByRole('alert')).toBeNull();
    expect(canvas.getByText('Ask anything to get started.')).toBeInTheDocument();
    // A draft can be written meanwhile.
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'echo Written while connecting');
    expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled();
  },
};

/** The connection dropped after a turn and the agent stays unreachable: Reconnecting, the thread stays readable. */
export const Reconnecting: Story = {
  args: { threadId: 'connection-reconnecting' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await sendMessage(canvasElement, 'echo Said before the drop');
    await endedAssistantMessage(canvasElement);
    storyAgent.cut(HELD_MS);
    await expectPill(canvasElement, 'reconnecting', 'Reconnecting');
    expect(connectionStatus(canvasElement)).toHaveAttribute('data-connection', 'reconnecting');
    expect(canvas.queryByRole('alert')).toBeNull();
    expect(canvas.getByRole('article', { name: 'Assistant' })).toHaveTextContent('echo Said before the drop');
  },
};

/** The browser reports offline: the client stops retrying, the banner explains and offers Try again. */
export const Offline: Story = {
  args: { threadId: 'connection-offline', offlineSwitch: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await sendMessage(canvasElement, 'echo Said before going offline');
    await endedAssistantMessage(canvasElement);
    const offlineSwitch = canvas.getByRole('button', { name: 'Simulate offline' });
    await userEvent.click(offlineSwitch);
    expect(offlineSwitch).toHaveAttribute('aria-pressed', 'true');
    await expectPill(canvasElement, 'offline', 'Offline');
    const banner = canvas.getByRole('alert');
    expect(banner).toHaveAttribute('data-state', 'offline');
    expect(banner).toHaveTextContent('You are offline. Messages you send now will go out once the connection is back.');
    expect(within(banner).getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

/** A token the agent refuses: a final state, with the reason in the banner and under a composer that cannot send. */
export const Unauthorized: Story = {
  args: { threadId: 'connection-unauthorized', clientOptions: { token: 'not-a-valid-token' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectPill(canvasElement, 'unauthorized', 'Unauthorized');
    const banner = canvas.getByRole('alert');
    expect(banner).toHaveAttribute('data-state', 'unauthorized');
    expect(banner).toHaveTextContent('The server did not accept the access token.');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'echo Never sent');
    expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(canvasElement.querySelector('.platos-composer')).toHaveAttribute('data-state', 'disabled');
  },
};

/**
 * A turn ran while the connection was down, and the agent could no longer replay it: on reconnect the client
 * rebuilds the thread from history (held back here), and shows Resyncing over the messages it already had.
 */
export const Resyncing: Story = {
  args: { threadId: 'connection-resyncing', clientOptions: { historyTimeoutMs: HELD_MS } },
  beforeEach: async () => {
    await storyAgent.playTurn('connection-resyncing', 'echo Said before the drop');
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'live'), TURN_TIMEOUT);
    expect(await canvas.findByRole('article', { name: 'Assistant' })).toHaveTextContent('echo Said before the drop');
    storyAgent.delayHistory(HELD_MS);
    storyAgent.cut(300, { expireReplay: true });
    const missedTurn = storyAgent.playTurn(args.threadId, 'echo Said while the connection was down');
    await expectPill(canvasElement, 'resyncing', 'Resyncing');
    // The thread's own sync state reaches the store on the next frame, after the connection's.
    await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-sync', 'resyncing'));
    expect(canvas.getAllByRole('article', { name: 'Assistant' })).toHaveLength(1);
    expect(canvas.queryByText('echo Said while the connection was down')).toBeNull();
    await missedTurn;
  },
};
