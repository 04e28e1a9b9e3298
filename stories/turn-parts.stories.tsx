import type { Meta, StoryObj } from '@storybook/react-vite';
import { Composer, Message } from '@platosdev/client/react';
import { expect, waitFor, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios/index.js';
import { withThreadEvents } from './support/thread-fixture.js';
import { STORY_TURN } from './support/thread-script.js';

const text = (delta: string): EventBody => ({ type: 'text-delta', messageId: STORY_TURN.messageId, delta });
const finish = (finishReason: 'stop' | 'error'): EventBody => ({
  type: 'finish',
  finishReason,
  usage: { inputTokens: 120, outputTokens: 48 },
  durationMs: 2_400,
});

/** The assistant message of the story's one turn, with every part it holds. */
function AssistantMessage() {
  return <Message.Root id={STORY_TURN.messageId} />;
}

const meta = {
  title: 'Components/TurnParts',
  component: AssistantMessage,
} satisfies Meta<typeof AssistantMessage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A two-step turn: step markers, a memory written and memories recalled (expandable), then the answer. */
export const StepsAndMemory: Story = {
  decorators: [
    withThreadEvents([
      { type: 'step-start', stepId: 'step-1', index: 0, name: 'Look up preferences' },
      { type: 'memory-recall-result', query: 'answer style', memories: [{ memoryId: 'm1', content: 'Prefers short answers', score: 0.92 }, { memoryId: 'm2', content: 'Writes TypeScript', score: 0.81 }, { memoryId: 'm3', content: 'Uses Vite', score: 0.64 }] },
      { type: 'step-finish', stepId: 'step-1', finishReason: 'stop' },
      { type: 'step-start', stepId: 'step-2', index: 1, name: 'Answer' },
      { type: 'memory-write', memoryId: 'm4', content: 'Asked about reconnects', scope: 'user' },
      text('Reconnects resume from the **last applied event**.'),
      { type: 'step-finish', stepId: 'step-2', finishReason: 'stop' },
      finish('stop'),
    ]),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(await canvas.findByText(/Recalled 3 memories/)).toBeInTheDocument();
    expect(canvasElement.querySelectorAll('.platos-step[data-state="finished"]')).toHaveLength(2);
    expect(canvas.getByText(/Remembered/)).toBeInTheDocument();
  },
};

/** A retryable problem the turn recovered from, shown as a note while the answer goes on. */
export const RetryableError: Story = {
  decorators: [
    withThreadEvents([
      { type: 'error', code: 'rate_limited', message: 'The model was busy; retried after 2 s.', retryable: true },
      text('Here is the answer after the retry.'),
      finish('stop'),
    ]),
  ],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.platos-error-note')).toHaveAttribute('data-state', 'retryable'));
  },
};

/** A turn that failed: the note is an alert and the message is failed. */
export const FatalError: Story = {
  decorators: [
    withThreadEvents([
      { type: 'error', code: 'model_unavailable', message: 'The model is unavailable right now.', retryable: false },
      finish('error'),
    ]),
  ],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.platos-error-note')).toHaveAttribute('data-state', 'fatal'));
    expect(within(canvasElement).getByRole('article', { name: 'Assistant' })).toHaveAttribute('data-state', 'failed');
  },
};

/** The composer of a thread whose turn is still streaming: Stop instead of Send. */
export const ComposerWhileStreaming: Story = {
  render: () => <Composer.Root />,
  decorators: [withThreadEvents([text('Still writing…')])],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('.platos-composer')).toHaveAttribute('data-state', 'streaming'));
    expect(canvas.getByRole('button', { name: 'Stop' })).toBeEnabled();
    expect(canvas.getByRole('textbox', { name: 'Message' })).toBeInTheDocument();
  },
};
