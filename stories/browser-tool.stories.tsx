import type { Meta, StoryObj } from '@storybook/react-vite';
import { ToolCall, useClientTool, usePlatosClient, useThreadSelector } from '@platosdev/client/react';
import { useEffect } from 'react';
import { expect, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios/index.js';
import type { ScriptedClient } from './support/scripted-client.js';
import { withThreadEvents } from './support/thread-fixture.js';

const toolCallId = 'call-filters';
const called: EventBody[] = [
  { type: 'tool-call-start', toolCallId, tool: 'read_filters' },
  { type: 'tool-call-args', toolCallId, delta: '{"fields":["region","budget"]}' },
];

type Outcome = 'running' | 'succeeded' | 'failed' | 'cancelled';

const filters = { region: 'Europe', budget: 500 };

/**
 * Registers the browser tool `read_filters` with a `render`, and plays the agent calling it: the card shows the
 * tool's own view while it runs in the page, then the result (or error) the agent got back.
 */
function BrowserToolCall({ outcome }: { outcome: Outcome }) {
  const client = usePlatosClient() as ScriptedClient;
  const threadId = useThreadSelector((thread) => thread?.view.threadId ?? '');
  useClientTool({
    name: 'read_filters',
    description: 'Reads the filters the user set on the page',
    parameters: { type: 'object', properties: { fields: { type: 'array', items: { enum: ['region', 'budget', 'days'] } } }, required: ['fields'] },
    execute: (args: { fields: (keyof typeof filters)[] }) => {
      if (outcome === 'failed') throw new Error('The filters panel is closed');
      if (outcome !== 'succeeded') return new Promise<never>(() => {});
      return Object.fromEntries(args.fields.map((field) => [field, filters[field]]));
    },
    render: ({ state, result, error }) => (
      <p>
        {state === 'running' && 'Reading the filters on this page…'}
        {state === 'succeeded' && `Read ${Object.keys(result as object).join(' and ')} from this page.`}
        {state === 'failed' && `Could not read the filters: ${error?.message}`}
        {state === 'cancelled' && 'The agent stopped waiting for the filters.'}
      </p>
    ),
  });
  useEffect(() => {
    if (!threadId) return;
    void client.connections.invoke({ invocationId: 'invocation-1', name: 'read_filters', args: { fields: ['region', 'budget'] }, threadId, toolCallId });
    if (outcome === 'cancelled') setTimeout(() => client.connections.cancel('invocation-1', 'turn-cancelled'), 50);
  }, [client, threadId, outcome]);
  return <ToolCall.Card id={toolCallId} />;
}

const meta = {
  title: 'Components/BrowserTool',
  component: BrowserToolCall,
  decorators: [withThreadEvents(called)],
  args: { outcome: 'running' },
  argTypes: { outcome: { control: 'inline-radio', options: ['running', 'succeeded', 'failed', 'cancelled'] } },
} satisfies Meta<typeof BrowserToolCall>;

export default meta;
type Story = StoryObj<typeof meta>;

const card = (canvasElement: HTMLElement) => within(canvasElement).findByRole('region', { name: 'Tool call: read_filters' });

/** The agent called a tool of this page; it is running here, and the card says so. */
export const Running: Story = {
  play: async ({ canvasElement }) => {
    const region = await card(canvasElement);
    await within(region).findByText('Running in your browser');
    expect(region).toHaveAttribute('data-runs-in', 'browser');
    expect(region).toHaveAttribute('data-state', 'running');
    expect(within(region).getByText('Reading the filters on this page…')).toBeInTheDocument();
  },
};

/** The tool answered; the agent's stream carries its result back and the card shows it done. */
export const Succeeded: Story = {
  args: { outcome: 'succeeded' },
  play: async ({ canvasElement }) => {
    const region = await card(canvasElement);
    await within(region).findByText('Done');
    expect(region).toHaveAttribute('data-state', 'succeeded');
    expect(within(region).getByText('Read region and budget from this page.')).toBeInTheDocument();
  },
};

/** The tool threw; the agent got its message as the tool call's error. */
export const Failed: Story = {
  args: { outcome: 'failed' },
  play: async ({ canvasElement }) => {
    const region = await card(canvasElement);
    await within(region).findByText('Failed');
    expect(region).toHaveAttribute('data-state', 'failed');
    expect(within(region).getByText('Could not read the filters: The filters panel is closed')).toBeInTheDocument();
  },
};

/** The turn was cancelled while the tool ran: its signal aborted and the card says it was called off. */
export const Cancelled: Story = {
  args: { outcome: 'cancelled' },
  play: async ({ canvasElement }) => {
    const region = await card(canvasElement);
    await within(region).findByText('Cancelled');
    expect(within(region).getByText('The agent stopped waiting for the filters.')).toBeInTheDocument();
  },
};
