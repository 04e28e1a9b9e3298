import type { Meta, StoryObj } from '@storybook/react-vite';
import { PlatosChat, PlatosProvider, useClientTool, useOwnedClient } from '@platosdev/client/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { DEFAULT_OUTRO_TEXT } from '../mock-server/scenarios/index.js';
import { EVENT_TYPES } from '../src/protocol/index.js';
import { MOCK_AGENT_TOKEN, MOCK_AGENT_URL } from './mock-agent/mock-agent-config.js';
import { storyAgent } from './mock-agent/story-agent.js';
import { connectionStatus, endedAssistantMessage, sendMessage, TURN_TIMEOUT } from './support/chat-play.js';
import { cassetteChoices, fixtureCassettes } from './support/cassette-choices.js';
import { lettersAndDigits, recordedTranscript } from './support/recorded-transcript.js';
import { BY_FIRST_WORD, ChatPlayground, scenarioChoices } from './support/chat-playground.js';

const meta = {
  title: 'Chat/PlatosChat',
  component: ChatPlayground,
  parameters: {
    docs: {
      description: {
        component:
          'The complete chat against the in-browser mock agent: a real client and socket.io-client, with the WebSocket intercepted by MSW. The first word of a message picks the scenario, unless the `scenario` control forces one; the buttons next to the chat drop the connection, hold frames back or expire the replay window.',
      },
    },
  },
  args: { title: 'Assistant', scenario: BY_FIRST_WORD },
  argTypes: {
    scenario: { control: { type: 'select' }, options: scenarioChoices },
    cassette: { control: { type: 'select' }, options: cassetteChoices },
    speed: {
      control: { type: 'select', labels: { 1: 'x1: real time, about 60 tokens/s', 4: 'x4: about 250 tokens/s', 40: 'x40: story test speed' } },
      options: [1, 4, 40],
    },
  },
} satisfies Meta<typeof ChatPlayground>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The default scenario: every one of the 17 event types, with an approval in the middle. */
export const FullTurn: Story = {
  args: { threadId: 'story-full-turn' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await sendMessage(canvasElement, 'How should a streaming chat handle reconnects?');
    await userEvent.click(await canvas.findByRole('button', { name: 'Approve' }, TURN_TIMEOUT));

    const message = await endedAssistantMessage(canvasElement);
    expect(message).toHaveAttribute('data-state', 'finished');
    expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(canvas.getByRole('region', { name: 'Tool call: search_docs' })).toHaveAttribute('data-state', 'succeeded');
    expect(canvas.getByRole('region', { name: 'Tool call: fetch_url' })).toHaveAttribute('data-state', 'failed');
    expect(canvas.getByRole('region', { name: 'Approval: publish_summary' })).toHaveAttribute('data-state', 'approved');
    expect(within(canvas.getByRole('region', { name: 'Artifact: Summary' })).getByText('v3 of 3')).toBeInTheDocument();
    expect(message).toHaveTextContent(DEFAULT_OUTRO_TEXT.trim());
    expect(new Set(storyAgent.eventTypes(args.threadId))).toEqual(new Set(EVENT_TYPES));
  },
};

/** `echo ...` streams the message straight back. */
export const Echo: Story = {
  args: { threadId: 'story-echo' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await sendMessage(canvasElement, 'echo Hello from a story');
    const message = await endedAssistantMessage(canvasElement);
    expect(message).toHaveAttribute('data-state', 'finished');
    expect(message).toHaveTextContent('echo Hello from a story');
    expect(canvas.getByRole('article', { name: 'You' })).toHaveTextContent('echo Hello from a story');
    expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  },
};

/** `fail ...` ends the turn with a non-retryable error, which the server follows with finish(error). */
export const Failure: Story = {
  args: { threadId: 'story-failure' },
  play: async ({ canvasElement, args }) => {
    await sendMessage(canvasElement, 'fail on purpose');
    const message = await endedAssistantMessage(canvasElement);
    expect(message).toHaveAttribute('data-state', 'failed');
    expect(message).toHaveTextContent('The model is unavailable right now.');
    expect(storyAgent.eventTypes(args.threadId).slice(-2)).toEqual(['error', 'finish']);
  },
};

/** `long ...` streams a long markdown answer and stops for length. */
export const LongAnswer: Story = {
  args: { threadId: 'story-long-answer' },
  play: async ({ canvasElement }) => {
    await sendMessage(canvasElement, 'long Explain event sourcing');
    const message = await endedAssistantMessage(canvasElement);
    const markdown = within(message);
    expect(markdown.getByRole('heading', { level: 1, name: 'A long answer' })).toBeInTheDocument();
    expect(markdown.getAllByRole('heading', { level: 2 })).toHaveLength(12);
    expect(markdown.getAllByRole('link', { name: 'link' })).toHaveLength(12);
    // The list followed the answer as it grew.
    const log = within(canvasElement).getByRole('log', { name: 'Messages' });
    await waitFor(() => expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThanOrEqual(48));
    expect(within(canvasElement).queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  },
};

/** The same chat with `data-theme="dark"` on an ancestor. */
export const DarkTheme: Story = {
  args: { threadId: 'story-dark-theme', theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
  play: async ({ canvasElement }) => {
    await sendMessage(canvasElement, 'echo Dark mode works');
    await endedAssistantMessage(canvasElement);
    const chat = within(canvasElement).getByRole('region', { name: 'Assistant' });
    expect(getComputedStyle(chat).colorScheme).toBe('dark');
    expect(getComputedStyle(chat).backgroundColor).toBe('rgb(15, 15, 18)');
  },
};

/** A thread that already had a turn: the client rebuilds it from the history endpoint, then goes live. */
export const FromHistory: Story = {
  args: { threadId: 'story-from-history' },
  beforeEach: async () => {
    await storyAgent.playTurn('story-from-history', 'echo Said before the page loaded');
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'live'), TURN_TIMEOUT);
    expect(await canvas.findByRole('article', { name: 'You' })).toHaveTextContent('echo Said before the page loaded');
    expect(canvas.getByRole('article', { name: 'Assistant' })).toHaveAttribute('data-state', 'finished');
    await sendMessage(canvasElement, 'echo And one more');
    await waitFor(() => expect(canvas.getAllByRole('article', { name: 'Assistant' })).toHaveLength(2), TURN_TIMEOUT);
    expect(await endedAssistantMessage(canvasElement)).toHaveTextContent('echo And one more');
  },
};

/** A token the mock agent does not know: the handshake fails with `unauthorized`. */
export const Unauthorized: Story = {
  args: { threadId: 'story-unauthorized', token: 'not-a-valid-token' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'unauthorized'), TURN_TIMEOUT);
    expect(connectionStatus(canvasElement)).toHaveTextContent('Unauthorized');
  },
};

const pageFilters = { region: 'Europe', budget: 500, days: 3 };
type FilterField = keyof typeof pageFilters;

/** Offers the filters shown on the page to the agent as the browser tool `read_filters`. */
function FiltersTool() {
  useClientTool({
    name: 'read_filters',
    description: 'Reads the trip filters the user set on the page.',
    parameters: { type: 'object', properties: { fields: { type: 'array', items: { enum: ['region', 'budget', 'days'] } } }, required: ['fields'] },
    execute: ({ fields }: { fields: FilterField[] }) => Object.fromEntries(fields.map((field) => [field, pageFilters[field]])),
    render: ({ state, result }) => (
      <p>
        {state === 'running' && 'Reading the filters on this page…'}
        {state === 'succeeded' && `Shared ${Object.keys(result as object).join(', ')} from this page.`}
      </p>
    ),
  });
  return <p>Your filters: Europe, up to 500 €, 3 days.</p>;
}

function BrowserToolChat({ threadId }: { threadId: string }) {
  // The mock intercepts WebSockets only; long-polling would go to the network.
  const client = useOwnedClient({ url: MOCK_AGENT_URL, token: MOCK_AGENT_TOKEN, transports: ['websocket'] })!;
  return (
    <div style={{ height: 640, maxWidth: 760 }}>
      <PlatosProvider client={client}>
        <FiltersTool />
        <PlatosChat threadId={threadId} />
      </PlatosProvider>
    </div>
  );
}

/** `browser ...`: the agent calls `read_filters`, a tool of this page, over the connections gateway and answers with its values. */
export const BrowserTool: StoryObj<typeof BrowserToolChat> = {
  args: { threadId: 'story-browser-tool' },
  render: (args) => <BrowserToolChat {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The tool set goes out once the gateway is connected; a message sent before would find no tool.
    await waitFor(() => expect(storyAgent.gatewaySessions()).toMatchObject([{ tools: ['read_filters'], connected: true }]), TURN_TIMEOUT);
    await sendMessage(canvasElement, 'browser Which trip fits my filters?');
    const message = await endedAssistantMessage(canvasElement);
    expect(message).toHaveAttribute('data-state', 'finished');
    expect(message).toHaveTextContent('Your filters say: region Europe, budget 500, days 3.');
    const card = canvas.getByRole('region', { name: 'Tool call: read_filters' });
    expect(card).toHaveAttribute('data-state', 'succeeded');
    expect(card).toHaveAttribute('data-runs-in', 'browser');
    expect(within(card).getByText('Done')).toBeInTheDocument();
    expect(within(card).getByText('Shared region, budget, days from this page.')).toBeInTheDocument();
    expect(storyAgent.gatewaySessions()).toMatchObject([{ openInvocations: 0, answered: 1 }]);
  },
};

/** Records every state the connection pill shows, for stories that cut the network. */
function recordStates(canvasElement: HTMLElement): string[] {
  const pill = connectionStatus(canvasElement);
  const states = [pill.dataset['state'] ?? ''];
  new MutationObserver(() => states.push(pill.dataset['state'] ?? '')).observe(pill, { attributes: true, attributeFilter: ['data-state'] });
  return states;
}

/** The network drops for 1.5 s while the answer streams: the pill shows it, and the answer resumes without a gap or a repeat. */
export const NetworkCut: Story = {
  args: { threadId: 'story-network-cut' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const states = recordStates(canvasElement);
    await sendMessage(canvasElement, 'long Explain event sourcing');
    await waitFor(() => expect(canvas.getAllByRole('heading', { level: 2 }).length).toBeGreaterThan(1), TURN_TIMEOUT);
    storyAgent.cut(1_500);
    await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'reconnecting'), TURN_TIMEOUT);
    const message = await endedAssistantMessage(canvasElement);
    const markdown = within(message);
    expect(markdown.getAllByRole('heading', { level: 2 })).toHaveLength(12);
    expect(markdown.getAllByRole('link', { name: 'link' })).toHaveLength(12);
    expect(states).toContain('reconnecting');
    expect(states).not.toContain('resyncing');
    await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'live'), TURN_TIMEOUT);
  },
};

/** A message sent while the network is down waits, visibly queued with its text, and goes out once when it is back. */
export const QueuedWhileOffline: Story = {
  args: { threadId: 'story-queued-offline' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'live'), TURN_TIMEOUT);
    storyAgent.cut(2_500);
    await waitFor(() => expect(connectionStatus(canvasElement)).not.toHaveAttribute('data-state', 'live'), TURN_TIMEOUT);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'echo Sent while offline');
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    const pending = await canvas.findByRole('article', { name: 'You' });
    expect(pending).toHaveAttribute('data-state', 'queued');
    expect(pending).toHaveTextContent('echo Sent while offline');
    const message = await endedAssistantMessage(canvasElement);
    expect(message).toHaveTextContent('echo Sent while offline');
    expect(canvas.getAllByRole('article', { name: 'You' })).toHaveLength(1);
    expect(storyAgent.eventTypes(args.threadId).filter((type) => type === 'turn-start')).toHaveLength(1);
  },
};

/** Ends when every one of the long answer's 12 sections is in the message exactly once. */
function expectEverySectionOnce(message: HTMLElement) {
  const text = message.textContent ?? '';
  for (let section = 1; section <= 12; section += 1) {
    for (const part of [`Paragraph ${section} explains one more idea`, `point ${section}.2`, `A quote closing section ${section}.`, `console.log('section ${section}');`]) {
      expect(text.split(part).length - 1, part).toBe(1);
    }
  }
}

/** "Drop connection" pressed while the long answer streams: the pill shows the outage, and the answer ends whole. */
export const DropMidTurn: Story = {
  args: { threadId: 'story-drop-mid-turn', scenario: 'long' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const states = recordStates(canvasElement);
    await sendMessage(canvasElement, 'Explain event sourcing');
    const streaming = await canvas.findByRole('article', { name: 'Assistant' }, TURN_TIMEOUT);
    await waitFor(() => expect(within(streaming).getAllByRole('heading', { level: 2 }).length).toBeGreaterThan(1), TURN_TIMEOUT);
    expect(streaming).toHaveAttribute('data-state', 'streaming');
    await userEvent.click(canvas.getByRole('button', { name: 'Drop connection' }));
    await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'reconnecting'), TURN_TIMEOUT);

    const message = await endedAssistantMessage(canvasElement);
    expect(message).toHaveAttribute('data-state', 'finished');
    expect(storyAgent.eventTypes(args.threadId).at(-1)).toBe('finish');
    expect(within(message).getAllByRole('heading', { level: 2 })).toHaveLength(12);
    expectEverySectionOnce(message);
    expect(states).toContain('reconnecting');
    await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'live'), TURN_TIMEOUT);
  },
};

/** "Delay frames" while the long answer streams: nothing arrives for a while, then the rest comes at once, whole. */
export const DelayFramesMidTurn: Story = {
  args: { threadId: 'story-delay-frames', scenario: 'long' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await sendMessage(canvasElement, 'Explain event sourcing');
    const streaming = await canvas.findByRole('article', { name: 'Assistant' }, TURN_TIMEOUT);
    await waitFor(() => expect(within(streaming).getAllByRole('heading', { level: 2 }).length).toBeGreaterThan(1), TURN_TIMEOUT);
    await userEvent.click(canvas.getByRole('button', { name: 'Delay frames' }));
    // Frames already on their way may still land just after the click; after that the message stands still.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const heldText = streaming.textContent;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(streaming.textContent).toBe(heldText);
    expect(streaming).toHaveAttribute('data-state', 'streaming');

    const message = await endedAssistantMessage(canvasElement);
    expect(message).toHaveAttribute('data-state', 'finished');
    expectEverySectionOnce(message);
  },
};

/** "Expire replay" while the long answer streams: the client cannot resume, rebuilds the thread from history, and the answer ends whole. */
export const ExpireReplayMidTurn: Story = {
  args: { threadId: 'story-expire-replay', scenario: 'long' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const states = recordStates(canvasElement);
    await sendMessage(canvasElement, 'Explain event sourcing');
    const streaming = await canvas.findByRole('article', { name: 'Assistant' }, TURN_TIMEOUT);
    await waitFor(() => expect(within(streaming).getAllByRole('heading', { level: 2 }).length).toBeGreaterThan(1), TURN_TIMEOUT);
    await userEvent.click(canvas.getByRole('button', { name: 'Expire replay' }));

    const message = await endedAssistantMessage(canvasElement);
    expect(message).toHaveAttribute('data-state', 'finished');
    expectEverySectionOnce(message);
    expect(states).toContain('reconnecting');
    expect(states).toContain('resyncing');
    expect(canvas.getAllByRole('article', { name: 'Assistant' })).toHaveLength(1);
    expect(canvas.getAllByRole('article', { name: 'You' })).toHaveLength(1);
  },
};

/** The recorded research turn (mock-server/cassettes/research-turn.json) played again: the same text and tool calls. */
export const ReplayedCassette: Story = {
  args: { threadId: 'story-cassette', cassette: 'research-turn' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const recorded = recordedTranscript(fixtureCassettes['research-turn']);
    await sendMessage(canvasElement, recorded.userText);
    const message = await endedAssistantMessage(canvasElement);
    expect(message).toHaveAttribute('data-state', 'finished');
    const markdown = [...message.querySelectorAll('.platos-markdown')].map((part) => part.textContent ?? '').join('');
    expect(lettersAndDigits(markdown)).toBe(lettersAndDigits(recorded.text));
    const toolCalls = canvas.getAllByRole('region', { name: /^Tool call:/ });
    expect(toolCalls.map((card) => [card.querySelector('.platos-tool-call-name')?.textContent, card.dataset['state']])).toEqual(
      recorded.toolCalls.map((call) => [call.tool, call.status]),
    );
    // Two calls of one tool are two landmarks: the second is named apart from the first.
    expect(toolCalls.map((card) => card.getAttribute('aria-label'))).toEqual(['Tool call: web_search', 'Tool call: web_search (2)', 'Tool call: fetch_url', 'Tool call: query_index']);
  },
};
