import type { Meta, StoryObj } from '@storybook/react-vite';
import { useThreadActions } from '@platosdev/client/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyAgent } from './mock-agent/story-agent.js';
import { connectionStatus, TURN_TIMEOUT } from './support/chat-play.js';
import { StoryClientChat } from './support/story-client-chat.js';

const typedText = 'echo Typed while offline';
const suggestedText = 'echo Picked from a suggestion';

/** An app's own shortcut next to the chat: it sends through the thread's actions, as the composer does. */
function SuggestionButton() {
  const { send } = useThreadActions();
  return (
    <button type="button" className="platos-button" data-variant="secondary" onClick={() => void send(suggestedText)}>
      Suggest: {suggestedText}
    </button>
  );
}

const meta = {
  title: 'Chat/Outbox',
  component: StoryClientChat,
  parameters: {
    docs: {
      description: {
        component:
          'Messages sent while the browser is offline wait in the outbox, shown as queued with their text, and go out in order once it is back. The composer waits for its message; an app can queue more through `useThreadActions().send`.',
      },
    },
  },
  args: { threadId: 'outbox', offlineSwitch: true, toolbar: <SuggestionButton />, height: 560 },
  argTypes: { toolbar: { control: false } },
} satisfies Meta<typeof StoryClientChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Goes offline, then queues one message from the composer and one from the app's suggestion button. */
async function queueTwoMessages(canvasElement: HTMLElement, threadId: string) {
  const canvas = within(canvasElement);
  await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'live'), TURN_TIMEOUT);
  await userEvent.click(canvas.getByRole('button', { name: 'Simulate offline' }));
  await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'offline'), TURN_TIMEOUT);

  await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), typedText);
  await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
  await userEvent.click(canvas.getByRole('button', { name: `Suggest: ${suggestedText}` }));

  const queued = await canvas.findAllByRole('article', { name: 'You' });
  expect(queued.map((message) => message.dataset['state'])).toEqual(['queued', 'queued']);
  expect(queued[0]).toHaveTextContent(typedText);
  expect(queued[1]).toHaveTextContent(suggestedText);
  for (const message of queued) expect(message).toHaveTextContent('Queued: sends when the connection is back');
  expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  expect(storyAgent.eventTypes(threadId)).toEqual([]);
}

/** Two messages waiting in the outbox while offline: each queued, with its text, nothing sent yet. */
export const Queued: Story = {
  args: { threadId: 'outbox-queued' },
  play: async ({ canvasElement, args }) => {
    await queueTwoMessages(canvasElement, args.threadId);
    expect(within(canvasElement).queryByRole('article', { name: 'Assistant' })).toBeNull();
  },
};

/** Back online, the outbox goes out once and in order: two turns, each answered, no queued message left. */
export const DeliveredWhenBackOnline: Story = {
  args: { threadId: 'outbox-delivered' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await queueTwoMessages(canvasElement, args.threadId);
    await userEvent.click(canvas.getByRole('button', { name: 'Simulate offline' }));

    await waitFor(() => {
      const answers = canvas.getAllByRole('article', { name: 'Assistant' });
      expect(answers.map((answer) => answer.dataset['state'])).toEqual(['finished', 'finished']);
    }, TURN_TIMEOUT);
    const [firstAnswer, secondAnswer] = canvas.getAllByRole('article', { name: 'Assistant' });
    expect(firstAnswer).toHaveTextContent(typedText);
    expect(secondAnswer).toHaveTextContent(suggestedText);
    const sent = canvas.getAllByRole('article', { name: 'You' });
    expect(sent.map((message) => message.textContent)).toEqual([typedText, suggestedText]);
    expect(sent.every((message) => message.dataset['state'] === undefined)).toBe(true);
    expect(storyAgent.eventTypes(args.threadId).filter((type) => type === 'turn-start')).toHaveLength(2);
    expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'live');
  },
};
