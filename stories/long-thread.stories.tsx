import { useEffect, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { createPlatosStore } from '@platosdev/client';
import { PlatosChat, PlatosProvider } from '@platosdev/client/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { TURN_TIMEOUT } from './support/chat-play.js';
import { longThreadEvents } from './support/long-thread-events.js';
import { createScriptedClient } from './support/scripted-client.js';

const turns = 1_000;
const lastQuestion = `Question ${turns - 1}`;
/** The newest answer's first paragraph (every third answer is the longer kind, so match its start). */
const lastAnswer = new RegExp(`^Answer ${turns - 1}\\b`);

function LongThreadChat({ threadId }: { threadId: string }) {
  const [{ client, store }] = useState(() => {
    const scripted = createScriptedClient(longThreadEvents(threadId, turns));
    return { client: scripted, store: createPlatosStore({ client: scripted }) };
  });
  useEffect(() => () => store.destroy(), [store]);
  return (
    <div style={{ height: 640, maxWidth: 760 }}>
      <PlatosProvider client={client} store={store}>
        <PlatosChat threadId={threadId} title="Long thread" />
      </PlatosProvider>
    </div>
  );
}

const meta = {
  title: 'Chat/LongThread',
  component: LongThreadChat,
  args: { threadId: 'story-long-thread' },
} satisfies Meta<typeof LongThreadChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** True when `element` is fully inside the visible part of `scroller`. */
function isShownIn(scroller: HTMLElement, element: HTMLElement): boolean {
  const view = scroller.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.top >= view.top - 0.5 && box.bottom <= view.bottom + 0.5;
}

/**
 * 1,000 turns (2,000 messages) already in the thread: it opens at the newest message, with only the rows near the
 * viewport in the DOM. Scrolling up lets go of the end and offers Jump to latest, which brings the newest message back.
 */
export const TwoThousandMessages: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = await canvas.findByRole('log', { name: 'Messages' }, TURN_TIMEOUT);
    await waitFor(() => expect(isShownIn(log, canvas.getByText(lastAnswer))).toBe(true), TURN_TIMEOUT);
    expect(canvas.getByText(lastQuestion)).toBeInTheDocument();
    const rendered = canvas.getAllByRole('article').length;
    expect(rendered).toBeGreaterThan(2);
    expect(rendered).toBeLessThanOrEqual(50);
    expect(canvas.queryByText('Question 0')).toBeNull();

    log.dispatchEvent(new WheelEvent('wheel', { deltaY: -2_000 }));
    log.scrollTop -= 2_000;
    const jump = await canvas.findByRole('button', { name: 'Jump to latest' });
    expect(canvas.queryByText(lastQuestion)).toBeNull();
    expect(canvas.getAllByRole('article').length).toBeLessThanOrEqual(50);

    await userEvent.click(jump);
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull());
    await waitFor(() => expect(isShownIn(log, canvas.getByText(lastAnswer))).toBe(true));
    await waitFor(() => expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThanOrEqual(48));
  },
};
