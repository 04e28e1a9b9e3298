import type { Meta, StoryObj } from '@storybook/react-vite';
import { ToolCall } from '@platosdev/client/react';
import { expect, userEvent, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios/index.js';
import { ChatCustomizationProvider, type ToolRendererProps } from '../src/components/chat/chat-customization.js';
import { withThreadEvents } from './support/thread-fixture.js';

const toolCallId = 'call-search';
const started: EventBody[] = [{ type: 'tool-call-start', toolCallId, tool: 'search_docs' }];
const argsHalf: EventBody = { type: 'tool-call-args', toolCallId, delta: '{"query":"resume after re' };
const argsRest: EventBody = { type: 'tool-call-args', toolCallId, delta: 'connect","limit":3}' };
const withArgs = [...started, argsHalf, argsRest];
const hits = Array.from({ length: 40 }, (_, index) => ({ title: `Resume and replay, part ${index + 1}`, score: Number((0.9 - index * 0.01).toFixed(2)) }));

const meta = {
  title: 'Components/ToolCallCard',
  component: ToolCall.Card,
  tags: ['autodocs'],
  args: { id: toolCallId },
} satisfies Meta<typeof ToolCall.Card>;

export default meta;
type Story = StoryObj<typeof meta>;

const card = (canvasElement: HTMLElement) => within(canvasElement).getByRole('region', { name: 'Tool call: search_docs' });

/** The argument JSON is still streaming: the prefix is completed (open string and object closed) and pretty-printed. */
export const StreamingArgs: Story = {
  decorators: [withThreadEvents([...started, argsHalf])],
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole('region', { name: 'Tool call: search_docs' });
    expect(region).toHaveAttribute('data-state', 'streaming-args');
    expect(region).toHaveAttribute('aria-busy', 'true');
    expect(within(region).getByLabelText('Arguments').textContent).toBe('{\n  "query": "resume after re"\n}');
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

/** A long result shows its first lines; "Show more" reveals the rest. */
export const LongResult: Story = {
  decorators: [withThreadEvents([...withArgs, { type: 'tool-call-result', toolCallId, result: { hits } }])],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Done');
    const result = within(card(canvasElement)).getByLabelText('Result');
    expect(result).toHaveAttribute('data-state', 'truncated');
    await userEvent.click(within(card(canvasElement)).getByRole('button', { name: 'Show more' }));
    expect(result).toHaveAttribute('data-state', 'expanded');
    expect(result).toHaveTextContent('part 40');
  },
};

/** Starts collapsed; the tool name is a button that opens the body. */
export const Collapsed: Story = {
  args: { defaultOpen: false },
  decorators: [withThreadEvents([...withArgs, { type: 'tool-call-result', toolCallId, result: { hits: hits.slice(0, 2) } }])],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Done');
    const toggle = within(card(canvasElement)).getByRole('button', { name: 'search_docs' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(card(canvasElement)).queryByLabelText('Result')).toBeNull();
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(card(canvasElement)).getByLabelText('Result')).toBeVisible();
  },
};

function SearchHits({ toolCall }: ToolRendererProps) {
  if (toolCall.status !== 'succeeded') return <p style={{ margin: 12 }}>Searching…</p>;
  const { hits: found } = toolCall.result as { hits: { title: string; score: number }[] };
  return (
    <ol style={{ margin: 0, padding: '8px 12px 8px 32px' }}>
      {found.map((hit) => (
        <li key={hit.title}>
          {hit.title} <small>({Math.round(hit.score * 100)}%)</small>
        </li>
      ))}
    </ol>
  );
}

/** `toolRenderers={{ search_docs: SearchHits }}` replaces the body; the frame, name and status stay. */
export const CustomRenderer: Story = {
  decorators: [
    (Story) => (
      <ChatCustomizationProvider value={{ toolRenderers: { search_docs: SearchHits }, labels: {} }}>
        <Story />
      </ChatCustomizationProvider>
    ),
    withThreadEvents([...withArgs, { type: 'tool-call-result', toolCallId, result: { hits: hits.slice(0, 3) } }]),
  ],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Done');
    expect(within(card(canvasElement)).getAllByRole('listitem')).toHaveLength(3);
    expect(within(card(canvasElement)).queryByLabelText('Arguments')).toBeNull();
  },
};
