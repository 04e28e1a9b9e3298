import type { Meta, StoryObj } from '@storybook/react-vite';
import { ToolCallCard } from '@platosdev/client/react';
import { expect, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios';
import { withThreadEvents } from './support/thread-fixture';

const toolCallId = 'call-search';
const started: EventBody[] = [{ type: 'tool-call-start', toolCallId, tool: 'search_docs' }];
const argsHalf: EventBody = { type: 'tool-call-args', toolCallId, delta: '{"query":"resume after re' };
const argsRest: EventBody = { type: 'tool-call-args', toolCallId, delta: 'connect","limit":3}' };
const withArgs = [...started, argsHalf, argsRest];

const meta = {
  title: 'Components/ToolCallCard',
  component: ToolCallCard,
  tags: ['autodocs'],
  args: { id: toolCallId },
} satisfies Meta<typeof ToolCallCard>;

export default meta;
type Story = StoryObj<typeof meta>;

const card = (canvasElement: HTMLElement) => within(canvasElement).getByRole('region', { name: 'Tool call: search_docs' });

/** The argument JSON is still streaming: it is shown raw, as received so far. */
export const StreamingArgs: Story = {
  decorators: [withThreadEvents([...started, argsHalf])],
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole('region', { name: 'Tool call: search_docs' });
    expect(region).toHaveAttribute('data-state', 'streaming-args');
    expect(region).toHaveAttribute('aria-busy', 'true');
    expect(within(region).getByLabelText('Arguments')).toHaveTextContent('{"query":"resume after re');
    expect(within(region).getByText('Preparing')).toBeInTheDocument();
  },
};

/** The arguments are complete JSON: the call runs and the arguments are pretty-printed. */
export const Running: Story = {
  decorators: [withThreadEvents(withArgs)],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Running');
    expect(card(canvasElement)).toHaveAttribute('data-state', 'running');
    expect(within(card(canvasElement)).getByLabelText('Arguments').textContent).toContain('"limit": 3');
  },
};

export const Succeeded: Story = {
  decorators: [
    withThreadEvents([...withArgs, { type: 'tool-call-result', toolCallId, result: { hits: [{ title: 'Resume and replay', score: 0.81 }] } }]),
  ],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Done');
    expect(card(canvasElement)).toHaveAttribute('data-state', 'succeeded');
    expect(card(canvasElement)).not.toHaveAttribute('aria-busy');
    expect(within(card(canvasElement)).getByLabelText('Result')).toHaveTextContent('Resume and replay');
  },
};

export const Failed: Story = {
  decorators: [
    withThreadEvents([...withArgs, { type: 'tool-call-error', toolCallId, error: { code: 'http_404', message: 'The page was not found (HTTP 404).' } }]),
  ],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Failed');
    expect(card(canvasElement)).toHaveAttribute('data-state', 'failed');
    expect(card(canvasElement)).toHaveTextContent('http_404 The page was not found (HTTP 404).');
    expect(within(card(canvasElement)).queryByLabelText('Result')).toBeNull();
  },
};
