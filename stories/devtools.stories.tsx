import axe from 'axe-core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { PlatosChat, PlatosProvider, useOwnedClient } from '@platosdev/client/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
// Storybook's Vite config repeats the package aliases (.storybook/main.ts) and has none for this entry.
import { PlatosDevtools, type DevtoolsPosition } from '../src/devtools-entry.js';
import { MOCK_AGENT_TOKEN, MOCK_AGENT_URL } from './mock-agent/mock-agent-config.js';
import { endedAssistantMessage, sendMessage, TURN_TIMEOUT } from './support/chat-play.js';

interface ChatWithDevtoolsProps {
  threadId: string;
  position: DevtoolsPosition;
  defaultOpen: boolean;
}

/** A chat against the in-browser mock agent with the inspector beside it, both under one PlatosProvider. */
function ChatWithDevtools({ threadId, position, defaultOpen }: ChatWithDevtoolsProps) {
  // The mock intercepts WebSockets only; long-polling would go to the network.
  const client = useOwnedClient({ url: MOCK_AGENT_URL, token: MOCK_AGENT_TOKEN, transports: ['websocket'] })!;
  return (
    <PlatosProvider client={client}>
      <div style={{ height: 420, maxWidth: 640 }}>
        <PlatosChat threadId={threadId} title="Assistant" />
      </div>
      <PlatosDevtools position={position} defaultOpen={defaultOpen} />
    </PlatosProvider>
  );
}

const meta = {
  title: 'Devtools/Inspector',
  component: ChatWithDevtools,
  parameters: {
    docs: {
      description: {
        component:
          'The event inspector (`@platosdev/client/devtools`) beside a chat: every applied event, the thread as of any of them next to the live one, the client counters, the outbox, and the session as a cassette. Alt+Shift+D or the launcher opens it.',
      },
    },
  },
  args: { position: 'bottom', defaultOpen: false },
} satisfies Meta<typeof ChatWithDevtools>;

export default meta;
type Story = StoryObj<typeof meta>;

const textLength = (region: HTMLElement) => Number(region.dataset['textLength']);

/** axe-core in the real browser, colour contrast included. */
async function expectAccessible(element: HTMLElement) {
  const results = await axe.run(element);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A full turn, then the inspector: `finish` is in the list, and the thread as of the first text delta has less text. */
export const AfterATurn: Story = {
  args: { threadId: 'story-devtools' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await sendMessage(canvasElement, 'How should a streaming chat handle reconnects?');
    await userEvent.click(await canvas.findByRole('button', { name: 'Approve' }, TURN_TIMEOUT));
    expect(await endedAssistantMessage(canvasElement)).toHaveAttribute('data-state', 'finished');

    await userEvent.click(canvas.getByRole('button', { name: 'Platos devtools' }));
    const inspector = within(canvas.getByRole('region', { name: 'Platos devtools' }));
    const events = inspector.getByRole('listbox', { name: 'Events' });
    await waitFor(() => expect(events.querySelector('[role="option"][data-type="finish"]')).not.toBeNull());

    await userEvent.click(inspector.getByRole('tab', { name: 'Time travel' }));
    const scrubber = inspector.getByRole('slider', { name: 'Event to show the thread as of' });
    await userEvent.click(inspector.getByRole('button', { name: 'First' }));
    for (let step = 0; step < 50 && !/: text-delta /.test(scrubber.getAttribute('aria-valuetext') ?? ''); step += 1) {
      await userEvent.click(inspector.getByRole('button', { name: 'Step forward' }));
    }
    expect(scrubber.getAttribute('aria-valuetext')).toMatch(/: text-delta /);

    const asOf = inspector.getByRole('region', { name: 'View as of the selected event' });
    const live = inspector.getByRole('region', { name: 'Live view' });
    expect(textLength(asOf)).toBeGreaterThan(0);
    expect(textLength(asOf)).toBeLessThan(textLength(live));
    await expectAccessible(canvas.getByRole('region', { name: 'Platos devtools' }));
  },
};

/** Open from the start, floating in the corner. */
export const Floating: Story = {
  args: { threadId: 'story-devtools-floating', position: 'floating', defaultOpen: true },
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: 'Platos devtools' });
    expect(panel).toHaveAttribute('data-position', 'floating');
    expect(within(panel).getByRole('tab', { name: 'Events' })).toHaveAttribute('aria-selected', 'true');
    await expectAccessible(panel);
    await userEvent.click(within(panel).getByRole('button', { name: 'Close devtools' }));
    await expectAccessible(within(canvasElement).getByRole('button', { name: 'Platos devtools' }));
  },
};
