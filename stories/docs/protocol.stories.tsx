import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { EVENT_TYPES, type EventType } from '../../src/protocol/index.js';
import { eventExamples } from './event-examples.js';
import { EventPlayground } from './event-playground.js';

const meta = {
  title: 'Manual/Examples/Protocol',
  component: EventPlayground,
  // Shown on the Protocol page of the manual, not on their own in the sidebar.
  tags: ['!dev'],
  parameters: { docs: { canvas: { sourceState: 'none' } } },
} satisfies Meta<typeof EventPlayground>;

export default meta;
type Story = StoryObj<typeof meta>;

function example(type: EventType): Pick<Story, 'name' | 'args'> {
  return { name: type, args: { threadId: `protocol-${type}`, bodies: eventExamples[type] } };
}

/** Clicks Play, then checks that the JSON shown is the event played. */
async function playEvent(canvasElement: HTMLElement, type: EventType): Promise<ReturnType<typeof within>> {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: `Play ${type}` }));
  expect(canvas.getByRole('button', { name: `Played ${type}` })).toBeDisabled();
  expect(JSON.parse(canvas.getByTestId('event-json').textContent ?? '')).toMatchObject({ type, threadId: `protocol-${type}`, turnId: 'turn-1' });
  return canvas;
}

export const TurnStart: Story = {
  ...example('turn-start'),
  play: async ({ canvasElement }) => {
    expect(Object.keys(eventExamples)).toEqual(expect.arrayContaining([...EVENT_TYPES]));
    expect(within(canvasElement).getByText('No messages yet.')).toBeInTheDocument();
    const canvas = await playEvent(canvasElement, 'turn-start');
    expect(await canvas.findByRole('article', { name: 'You' })).toHaveTextContent('How do reconnects work?');
    expect(canvas.getByRole('article', { name: 'Assistant' })).toHaveAttribute('data-state', 'streaming');
  },
};

export const TextDelta: Story = {
  ...example('text-delta'),
  play: async ({ canvasElement }) => {
    const message = await within(canvasElement).findByRole('article', { name: 'Assistant' });
    await waitFor(() => expect(message).toHaveTextContent('Reconnects resume'));
    expect(message).not.toHaveTextContent('last applied event');
    await playEvent(canvasElement, 'text-delta');
    expect(await within(message).findByText('last applied event')).toHaveProperty('tagName', 'STRONG');
  },
};

export const ToolCallStart: Story = {
  ...example('tool-call-start'),
  play: async ({ canvasElement }) => {
    const canvas = await playEvent(canvasElement, 'tool-call-start');
    expect(await canvas.findByRole('region', { name: 'Tool call: search_docs' })).toHaveAttribute('data-state', 'streaming-args');
  },
};

export const ToolCallArgs: Story = {
  ...example('tool-call-args'),
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole('region', { name: 'Tool call: search_docs' });
    expect(card).toHaveAttribute('data-state', 'streaming-args');
    await playEvent(canvasElement, 'tool-call-args');
    await waitFor(() => expect(card).toHaveAttribute('data-state', 'running'));
    expect(card).toHaveTextContent('reconnects');
  },
};

export const ToolCallResult: Story = {
  ...example('tool-call-result'),
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole('region', { name: 'Tool call: search_docs' });
    expect(card).toHaveAttribute('data-state', 'running');
    await playEvent(canvasElement, 'tool-call-result');
    await waitFor(() => expect(card).toHaveAttribute('data-state', 'succeeded'));
    expect(card).toHaveTextContent('reliability.md');
  },
};

export const ToolCallError: Story = {
  ...example('tool-call-error'),
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole('region', { name: 'Tool call: search_docs' });
    await playEvent(canvasElement, 'tool-call-error');
    await waitFor(() => expect(card).toHaveAttribute('data-state', 'failed'));
    expect(card).toHaveTextContent('The search took too long.');
  },
};

export const ArtifactCreated: Story = {
  ...example('artifact-created'),
  play: async ({ canvasElement }) => {
    const canvas = await playEvent(canvasElement, 'artifact-created');
    const artifact = await canvas.findByRole('region', { name: 'Artifact: Reconnect notes' });
    expect(within(artifact).getByText('v1 of 1')).toBeInTheDocument();
    expect(artifact).toHaveTextContent('Resume from the last applied event');
  },
};

export const ArtifactUpdated: Story = {
  ...example('artifact-updated'),
  play: async ({ canvasElement }) => {
    const artifact = await within(canvasElement).findByRole('region', { name: 'Artifact: Reconnect notes' });
    expect(within(artifact).getByText('v1 of 1')).toBeInTheDocument();
    await playEvent(canvasElement, 'artifact-updated');
    expect(await within(artifact).findByText('v2 of 2')).toBeInTheDocument();
    expect(artifact).toHaveTextContent('Rebuild from history beyond the replay window');
  },
};

export const StepStart: Story = {
  ...example('step-start'),
  play: async ({ canvasElement }) => {
    await playEvent(canvasElement, 'step-start');
    await waitFor(() => expect(canvasElement.querySelector('.platos-step')).toHaveAttribute('data-state', 'running'));
    expect(canvasElement.querySelector('.platos-step')).toHaveTextContent('Step 1: Search the docs');
  },
};

export const StepFinish: Story = {
  ...example('step-finish'),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.platos-step')).toHaveAttribute('data-state', 'running'));
    await playEvent(canvasElement, 'step-finish');
    await waitFor(() => expect(canvasElement.querySelector('.platos-step')).toHaveAttribute('data-state', 'finished'));
    expect(canvasElement.querySelector('.platos-step')).toHaveTextContent('352 tokens');
  },
};

export const MemoryWrite: Story = {
  ...example('memory-write'),
  play: async ({ canvasElement }) => {
    const canvas = await playEvent(canvasElement, 'memory-write');
    expect(await canvas.findByText('Remembered “Prefers short answers”')).toBeInTheDocument();
  },
};

export const MemoryRecallResult: Story = {
  ...example('memory-recall-result'),
  play: async ({ canvasElement }) => {
    const canvas = await playEvent(canvasElement, 'memory-recall-result');
    expect(await canvas.findByText('Recalled 2 memories')).toBeInTheDocument();
  },
};

export const RunUpdate: Story = {
  ...example('run-update'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuetext', 'Queued'));
    await playEvent(canvasElement, 'run-update');
    await waitFor(() => expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40'));
    expect(canvas.getByText('40%')).toBeInTheDocument();
  },
};

export const ApprovalPending: Story = {
  ...example('approval-pending'),
  play: async ({ canvasElement }) => {
    const canvas = await playEvent(canvasElement, 'approval-pending');
    const prompt = await canvas.findByRole('region', { name: 'Approval: publish_summary' });
    expect(prompt).toHaveAttribute('data-state', 'pending');
    expect(within(prompt).getByRole('button', { name: 'Approve' })).toBeEnabled();
  },
};

export const ApprovalResolved: Story = {
  ...example('approval-resolved'),
  play: async ({ canvasElement }) => {
    const prompt = await within(canvasElement).findByRole('region', { name: 'Approval: publish_summary' });
    expect(prompt).toHaveAttribute('data-state', 'pending');
    await playEvent(canvasElement, 'approval-resolved');
    await waitFor(() => expect(prompt).toHaveAttribute('data-state', 'approved'));
  },
};

export const TurnError: Story = {
  ...example('error'),
  play: async ({ canvasElement }) => {
    await playEvent(canvasElement, 'error');
    await waitFor(() => expect(canvasElement.querySelector('.platos-error-note')).toHaveAttribute('data-state', 'retryable'));
    expect(canvasElement.querySelector('.platos-error-note')).toHaveTextContent('The model was busy; retried after 2 s.');
    expect(within(canvasElement).getByRole('article', { name: 'Assistant' })).toHaveAttribute('data-state', 'streaming');
  },
};

export const Finish: Story = {
  ...example('finish'),
  play: async ({ canvasElement }) => {
    const message = await within(canvasElement).findByRole('article', { name: 'Assistant' });
    expect(message).toHaveAttribute('data-state', 'streaming');
    await playEvent(canvasElement, 'finish');
    await waitFor(() => expect(message).toHaveAttribute('data-state', 'finished'));
    expect(message.querySelector('.platos-message-footer')).toHaveTextContent('168 tokens');
  },
};
