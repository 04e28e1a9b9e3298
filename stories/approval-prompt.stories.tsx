import { useEffect, useState, type ReactNode } from 'react';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { createPlatosStore, type ThreadListener } from '@platosdev/client';
import { Approval, PlatosProvider, PlatosThread } from '@platosdev/client/react';
import { expect, userEvent, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios/index.js';
import { createScriptedClient } from './support/scripted-client.js';
import { withThreadEvents } from './support/thread-fixture.js';
import { nextEvent, threadScript } from './support/thread-script.js';

const approvalId = 'approval-delete';
const pending: EventBody = {
  type: 'approval-pending',
  approvalId,
  tool: 'delete_file',
  args: { path: '/tmp/report.csv' },
  reason: 'Deleting files cannot be undone.',
  expiresAt: Date.UTC(2030, 0, 1, 12, 0, 0),
};
const resolved = (decision: 'approved' | 'denied' | 'expired', resolvedBy: string): EventBody[] => [
  pending,
  { type: 'approval-resolved', approvalId, decision, resolvedBy },
];

/** The pending event is made when the story renders, so its expiry is that many seconds away. */
const expiringIn =
  (seconds: number): Decorator =>
  (Story, context) =>
    withThreadEvents([{ ...pending, expiresAt: Date.now() + seconds * 1000 }])(Story, context);

/** The approval shows as pending, then someone else's decision arrives while the card waits. */
const resolvedWhileWaiting =
  (decision: 'approved' | 'denied', resolvedBy: string): Decorator =>
  (Story, context) => <ResolvedWhileWaiting threadId={context.id} decision={decision} resolvedBy={resolvedBy} story={<Story />} />;

function ResolvedWhileWaiting({ threadId, decision, resolvedBy, story }: { threadId: string; decision: 'approved' | 'denied'; resolvedBy: string; story: ReactNode }) {
  const [fixture] = useState(() => {
    const events = threadScript(threadId, [pending]);
    const scripted = createScriptedClient(events);
    const listeners: ThreadListener[] = [];
    const client = { ...scripted, threads: { ...scripted.threads, watch: (id: string, listener: ThreadListener) => (listeners.push(listener), scripted.threads.watch(id, listener)) } };
    const resolve = () => {
      const event = nextEvent(events.at(-1)!, { type: 'approval-resolved', approvalId, decision, resolvedBy });
      for (const listener of listeners) listener({ kind: 'event', event });
    };
    return { client, store: createPlatosStore({ client }), resolve };
  });
  useEffect(() => {
    const timer = setTimeout(fixture.resolve, 300);
    return () => {
      clearTimeout(timer);
      fixture.store.destroy();
    };
  }, [fixture]);
  return (
    <PlatosProvider client={fixture.client} store={fixture.store}>
      <PlatosThread threadId={threadId}>
        <div style={{ maxWidth: 640 }}>{story}</div>
      </PlatosThread>
    </PlatosProvider>
  );
}

const meta = {
  title: 'Components/ApprovalPrompt',
  component: Approval.Prompt,
  tags: ['autodocs'],
  args: { id: approvalId },
} satisfies Meta<typeof Approval.Prompt>;

export default meta;
type Story = StoryObj<typeof meta>;

const prompt = (canvasElement: HTMLElement) => within(canvasElement).findByRole('region', { name: 'Approval: delete_file' });

/** Waiting for a decision. Clicking Approve sends it once and moves focus to the status; the server answers with approval-resolved. */
export const Pending: Story = {
  decorators: [withThreadEvents([pending])],
  play: async ({ canvasElement, step }) => {
    const region = await prompt(canvasElement);
    expect(region).toHaveAttribute('data-state', 'pending');
    expect(region).toHaveTextContent('Deleting files cannot be undone.');
    expect(within(region).getByLabelText('Arguments')).toHaveTextContent('/tmp/report.csv');
    await step('approve', async () => {
      await userEvent.click(within(region).getByRole('button', { name: 'Approve' }));
      expect(await within(region).findByText('Approved by user')).toBeInTheDocument();
    });
    expect(region).toHaveAttribute('data-state', 'approved');
    expect(within(region).getByRole('status')).toHaveFocus();
    expect(within(region).queryByRole('button', { name: 'Approve' })).toBeNull();
  },
};

/** A live countdown when `expiresAt` is under an hour away. */
export const Countdown: Story = {
  decorators: [expiringIn(4 * 60 + 30)],
  play: async ({ canvasElement }) => {
    const region = await prompt(canvasElement);
    const timer = region.querySelector('.platos-approval-expiry');
    expect(timer).toHaveAttribute('data-state', 'counting');
    expect(timer?.textContent).toMatch(/^Expires in 4:(30|29)$/);
  },
};

/** The note form: the denial carries what the user typed. */
export const DenyWithNote: Story = {
  decorators: [withThreadEvents([pending])],
  play: async ({ canvasElement }) => {
    const region = await prompt(canvasElement);
    await userEvent.click(within(region).getByRole('button', { name: 'No, and say why…' }));
    const note = within(region).getByLabelText('Tell the agent why (optional)');
    expect(note).toHaveFocus();
    await userEvent.type(note, 'Archive it to /srv/archive instead.');
  },
};

/** Hidden characters in the tool, reason or arguments show as escapes, with a warning. */
export const HiddenCharacters: Story = {
  decorators: [
    withThreadEvents([
      {
        ...pending,
        args: { path: '/tmp/invoice\u202Egpj.exe', command: 'rm -rf ./build\u200B /', token: 'ok\u{E0069}\u{E0067}\u{E006E}' },
        reason: 'Tidy up\u2066 the workspace',
      },
    ]),
  ],
  play: async ({ canvasElement }) => {
    const region = await prompt(canvasElement);
    expect(within(region).getByLabelText('Arguments')).toHaveTextContent('invoice\\u202Egpj.exe');
    expect(region.querySelector('.platos-approval-warning')).toHaveTextContent('Contains 6 hidden characters');
  },
};

/** Someone else (another tab, an admin) decided while this card waited: no buttons, marked as resolved elsewhere. */
export const ResolvedElsewhere: Story = {
  decorators: [resolvedWhileWaiting('approved', 'admin')],
  play: async ({ canvasElement }) => {
    const region = await prompt(canvasElement);
    expect(await within(region).findByText('Resolved elsewhere: Approved by admin')).toHaveAttribute('data-resolved', 'elsewhere');
    expect(region).toHaveAttribute('data-state', 'approved');
    expect(within(region).queryAllByRole('button')).toHaveLength(0);
  },
};

export const DeniedElsewhere: Story = {
  decorators: [resolvedWhileWaiting('denied', 'admin')],
  play: async ({ canvasElement }) => {
    const region = await prompt(canvasElement);
    expect(await within(region).findByText('Resolved elsewhere: Denied by admin')).toBeInTheDocument();
    expect(region).toHaveAttribute('data-state', 'denied');
  },
};

/** Already decided when the thread loaded (from history): the outcome, without claiming who decided where. */
export const Approved: Story = {
  decorators: [withThreadEvents(resolved('approved', 'user'))],
  play: async ({ canvasElement }) => {
    const region = await prompt(canvasElement);
    expect(region).toHaveAttribute('data-state', 'approved');
    expect(within(region).getByRole('status')).toHaveTextContent('Approved by user');
    expect(within(region).queryAllByRole('button')).toHaveLength(0);
  },
};

/** Nobody answered in time; the server resolved it. */
export const Expired: Story = {
  decorators: [withThreadEvents(resolved('expired', 'server'))],
  play: async ({ canvasElement }) => {
    const region = await prompt(canvasElement);
    expect(region).toHaveAttribute('data-state', 'expired');
    expect(within(region).getByRole('status')).toHaveTextContent('Expired without a decision by server');
  },
};
