import type { Meta, StoryObj } from '@storybook/react-vite';
import { PlatosChat } from '@platosdev/client/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios/index.js';
import { withThreadEvents } from './support/thread-fixture.js';
import { STORY_TURN } from './support/thread-script.js';

/** The whole chat over the fixture's thread, so each event shows wherever the kit puts it. */
function FixtureChat({ threadId }: { threadId: string }) {
  return (
    <div style={{ height: 480 }}>
      <PlatosChat threadId={threadId} title="One event" />
    </div>
  );
}

const meta = {
  title: 'Protocol/EventTypes',
  parameters: {
    docs: {
      description: {
        component:
          'Each of the 17 server event types on its own, after the `turn-start` every turn begins with (and, for an event about an entity, the event that made the entity). Each story shows what that one event changes on screen.',
      },
    },
  },
  render: (_args, { id }) => <FixtureChat threadId={id} />,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const messageId = STORY_TURN.messageId;
const toolCallId = 'call-search';
const toolStart: EventBody = { type: 'tool-call-start', toolCallId, tool: 'search_docs' };
const toolArgs: EventBody = { type: 'tool-call-args', toolCallId, delta: '{"query":"resume after reconnect","limit":3}' };
const artifactCreated: EventBody = {
  type: 'artifact-created',
  artifactId: 'artifact-notes',
  kind: 'markdown',
  title: 'Release notes',
  content: '# Release notes\n\n- resume after reconnects\n',
  version: 1,
};
const stepStart: EventBody = { type: 'step-start', stepId: 'step-plan', index: 0, name: 'Plan the answer' };
const approvalPending: EventBody = {
  type: 'approval-pending',
  approvalId: 'approval-delete',
  tool: 'delete_file',
  args: { path: '/tmp/report.csv' },
  reason: 'Deleting files cannot be undone.',
};

const assistant = (canvasElement: HTMLElement) => within(canvasElement).findByRole('article', { name: 'Assistant' });
const toolCard = (canvasElement: HTMLElement) => within(canvasElement).findByRole('region', { name: 'Tool call: search_docs' });

/** A turn begins: the user's message, and an empty assistant message that is responding. */
export const TurnStart: Story = {
  name: 'turn-start',
  decorators: [withThreadEvents([])],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(await canvas.findByRole('article', { name: 'You' })).toHaveTextContent('Show me the component');
    const message = await assistant(canvasElement);
    expect(message).toHaveAttribute('data-state', 'streaming');
    expect(message).toHaveAttribute('aria-busy', 'true');
    expect(within(message).getByRole('img', { name: 'Responding' })).toBeInTheDocument();
    expect(canvas.getByRole('button', { name: 'Stop' })).toBeEnabled();
  },
};

/** Text arrives and is rendered as markdown. */
export const TextDelta: Story = {
  name: 'text-delta',
  decorators: [withThreadEvents([{ type: 'text-delta', messageId, delta: 'Reconnects resume from the **last applied event**.' }])],
  play: async ({ canvasElement }) => {
    const message = await assistant(canvasElement);
    await waitFor(() => expect(message.querySelector('strong')).toHaveTextContent('last applied event'));
    expect(message).toHaveTextContent('Reconnects resume from the last applied event.');
  },
};

/** A tool call begins: its card appears, preparing its arguments. */
export const ToolCallStart: Story = {
  name: 'tool-call-start',
  decorators: [withThreadEvents([toolStart])],
  play: async ({ canvasElement }) => {
    const card = await toolCard(canvasElement);
    expect(card).toHaveAttribute('aria-busy', 'true');
    expect(within(card).getByText('Preparing')).toBeInTheDocument();
  },
};

/** The call's arguments stream in; once they are complete JSON the call runs. */
export const ToolCallArgs: Story = {
  name: 'tool-call-args',
  decorators: [withThreadEvents([toolStart, toolArgs])],
  play: async ({ canvasElement }) => {
    const card = await toolCard(canvasElement);
    await waitFor(() => expect(card).toHaveAttribute('data-state', 'running'));
    expect(within(card).getByText('Running')).toBeInTheDocument();
    expect(within(card).getByLabelText('Arguments')).toHaveTextContent('"query": "resume after reconnect"');
  },
};

/** The tool answered: the card is done and shows the result. */
export const ToolCallResult: Story = {
  name: 'tool-call-result',
  decorators: [withThreadEvents([toolStart, toolArgs, { type: 'tool-call-result', toolCallId, result: { hits: [{ title: 'Resume and replay' }] } }])],
  play: async ({ canvasElement }) => {
    const card = await toolCard(canvasElement);
    await waitFor(() => expect(card).toHaveAttribute('data-state', 'succeeded'));
    expect(within(card).getByText('Done')).toBeInTheDocument();
    expect(within(card).getByLabelText('Result')).toHaveTextContent('Resume and replay');
  },
};

/** The tool failed: the card says so, with the error. */
export const ToolCallError: Story = {
  name: 'tool-call-error',
  decorators: [withThreadEvents([toolStart, toolArgs, { type: 'tool-call-error', toolCallId, error: { code: 'timeout', message: 'The search index did not answer.' } }])],
  play: async ({ canvasElement }) => {
    const card = await toolCard(canvasElement);
    await waitFor(() => expect(card).toHaveAttribute('data-state', 'failed'));
    expect(within(card).getByText('Failed')).toBeInTheDocument();
    expect(card).toHaveTextContent('The search index did not answer.');
  },
};

/** An artifact is made: its card shows the first version. */
export const ArtifactCreated: Story = {
  name: 'artifact-created',
  decorators: [withThreadEvents([artifactCreated])],
  play: async ({ canvasElement }) => {
    const artifact = within(await within(canvasElement).findByRole('region', { name: 'Artifact: Release notes' }));
    expect(await artifact.findByRole('heading', { name: 'Release notes' })).toBeInTheDocument();
    expect(artifact.getAllByRole('listitem')).toHaveLength(1);
  },
};

/** The artifact gets a new version (here a delta appended to v1): the card shows v2 and can go back. */
export const ArtifactUpdated: Story = {
  name: 'artifact-updated',
  decorators: [withThreadEvents([artifactCreated, { type: 'artifact-updated', artifactId: 'artifact-notes', version: 2, delta: '- show queued messages\n' }])],
  play: async ({ canvasElement }) => {
    const artifact = within(await within(canvasElement).findByRole('region', { name: 'Artifact: Release notes' }));
    expect(await artifact.findByText('v2 of 2')).toBeInTheDocument();
    expect(artifact.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['resume after reconnects', 'show queued messages']);
    expect(artifact.getByRole('button', { name: 'Previous version' })).toBeEnabled();
  },
};

/** A step begins: a marker with its number and name, in progress. */
export const StepStart: Story = {
  name: 'step-start',
  decorators: [withThreadEvents([stepStart])],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.platos-step')).toHaveAttribute('data-state', 'running'));
    const step = canvasElement.querySelector('.platos-step') as HTMLElement;
    expect(step).toHaveTextContent('Step 1: Plan the answer');
    expect(step).toHaveTextContent('in progress');
  },
};

/** The step ends: the marker says how, and what it used. */
export const StepFinish: Story = {
  name: 'step-finish',
  decorators: [withThreadEvents([stepStart, { type: 'step-finish', stepId: 'step-plan', finishReason: 'stop', usage: { inputTokens: 20, outputTokens: 10 } }])],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.platos-step')).toHaveAttribute('data-state', 'finished'));
    expect(canvasElement.querySelector('.platos-step-detail')).toHaveTextContent('stop · 30 tokens');
  },
};

/** The agent stored a memory: a note says what it remembered. */
export const MemoryWrite: Story = {
  name: 'memory-write',
  decorators: [withThreadEvents([{ type: 'memory-write', memoryId: 'memory-style', content: 'Prefers short answers', scope: 'user' }])],
  play: async ({ canvasElement }) => {
    const note = await within(canvasElement).findByText(/Remembered/);
    expect(note.closest('.platos-memory')).toHaveAttribute('data-kind', 'write');
    expect(note).toHaveTextContent('Remembered “Prefers short answers” (user)');
  },
};

/** The agent looked memories up: a note with their count, which opens to the list. */
export const MemoryRecallResult: Story = {
  name: 'memory-recall-result',
  decorators: [
    withThreadEvents([
      {
        type: 'memory-recall-result',
        query: 'answer style',
        memories: [
          { memoryId: 'memory-style', content: 'Prefers short answers', score: 0.92 },
          { memoryId: 'memory-lang', content: 'Writes TypeScript', score: 0.81 },
        ],
      },
    ]),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const summary = await canvas.findByText('Recalled 2 memories');
    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await userEvent.click(summary);
    expect(details.open).toBe(true);
    expect(within(details).getByText('For “answer style”')).toBeVisible();
    expect(within(details).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Prefers short answers 0.92', 'Writes TypeScript 0.81']);
  },
};

/** A background run reports progress: a progress bar in the message, and the run in the tray above the composer. */
export const RunUpdate: Story = {
  name: 'run-update',
  decorators: [withThreadEvents([{ type: 'run-update', runId: 'run-index', label: 'Re-indexing the docs', status: 'running', progress: 40, etaMs: 3_000 }])],
  play: async ({ canvasElement }) => {
    const message = await assistant(canvasElement);
    const bar = await within(message).findByRole('progressbar', { name: 'Re-indexing the docs' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(bar).toHaveAttribute('data-state', 'running');
    const tray = within(canvasElement).getByRole('region', { name: 'Background runs' });
    expect(within(tray).getByRole('progressbar', { name: 'Re-indexing the docs' })).toHaveAttribute('aria-valuenow', '40');
  },
};

/** The agent asks before running a tool: a prompt with the arguments and Approve / Deny. */
export const ApprovalPending: Story = {
  name: 'approval-pending',
  decorators: [withThreadEvents([approvalPending])],
  play: async ({ canvasElement }) => {
    const prompt = await within(canvasElement).findByRole('region', { name: 'Approval: delete_file' });
    expect(prompt).toHaveAttribute('data-state', 'pending');
    expect(prompt).toHaveTextContent('Deleting files cannot be undone.');
    expect(within(prompt).getByLabelText('Arguments')).toHaveTextContent('/tmp/report.csv');
    expect(within(prompt).getByRole('button', { name: 'Approve' })).toBeEnabled();
    expect(within(prompt).getByRole('button', { name: 'Deny' })).toBeEnabled();
  },
};

/** The approval was decided (here by someone else): the prompt shows the decision and offers no buttons. */
export const ApprovalResolved: Story = {
  name: 'approval-resolved',
  decorators: [withThreadEvents([approvalPending, { type: 'approval-resolved', approvalId: 'approval-delete', decision: 'denied', resolvedBy: 'admin' }])],
  play: async ({ canvasElement }) => {
    const prompt = await within(canvasElement).findByRole('region', { name: 'Approval: delete_file' });
    await waitFor(() => expect(prompt).toHaveAttribute('data-state', 'denied'));
    expect(within(prompt).getByRole('status')).toHaveTextContent('Denied by admin');
    expect(within(prompt).queryAllByRole('button')).toHaveLength(0);
  },
};

/** A problem that ends the turn: an alert in the message, with the message and code. */
export const TurnError: Story = {
  name: 'error',
  decorators: [withThreadEvents([{ type: 'error', code: 'model_unavailable', message: 'The model is unavailable right now.', retryable: false }])],
  play: async ({ canvasElement }) => {
    const message = await assistant(canvasElement);
    const note = await within(message).findByRole('alert');
    expect(note).toHaveAttribute('data-state', 'fatal');
    expect(note).toHaveTextContent('The response failed');
    expect(note).toHaveTextContent('The model is unavailable right now.');
    expect(note).toHaveTextContent('model_unavailable');
  },
};

/** The turn ends: the message is finished with its tokens and time, and the composer can send again. */
export const Finish: Story = {
  name: 'finish',
  decorators: [withThreadEvents([{ type: 'finish', finishReason: 'stop', usage: { inputTokens: 120, outputTokens: 48 }, durationMs: 2_400 }])],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const message = await assistant(canvasElement);
    await waitFor(() => expect(message).toHaveAttribute('data-state', 'finished'));
    expect(message).not.toHaveAttribute('aria-busy');
    expect(message.querySelector('.platos-message-footer')).toHaveTextContent('168 tokens · 2 s');
    expect(canvas.getByRole('button', { name: 'Send' })).toBeInTheDocument();
    expect(canvas.queryByRole('button', { name: 'Stop' })).toBeNull();
  },
};
