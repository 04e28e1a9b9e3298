import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { BrandChat, DarkChat } from './themed-chats.js';
import { ReplacedPartsChat } from './replaced-parts-chat.js';
import { ThreadFixture } from '../support/thread-fixture.js';
import { themingTurn, toolAndApprovalTurn } from './theming-turn.js';

type ChatVariant = 'brand' | 'dark' | 'replaced-parts';

const chats = { brand: BrandChat, dark: DarkChat, 'replaced-parts': ReplacedPartsChat } as const;
const turns = { brand: themingTurn, dark: themingTurn, 'replaced-parts': toolAndApprovalTurn } as const;

/** A chat whose thread already holds a running turn, read from an in-memory client. */
function ThemedThread({ variant }: { variant: ChatVariant }) {
  const ChatOfVariant = chats[variant];
  const threadId = `manual-theming-${variant}`;
  return (
    <ThreadFixture threadId={threadId} userText="How do reconnects work?" events={turns[variant]}>
      <ChatOfVariant threadId={threadId} />
    </ThreadFixture>
  );
}

const meta = {
  title: 'Manual/Examples/Theming',
  component: ThemedThread,
  // Shown on the Theming page of the manual, not on their own in the sidebar.
  tags: ['!dev'],
  parameters: { docs: { canvas: { sourceState: 'none' } } },
} satisfies Meta<typeof ThemedThread>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Brand: Story = {
  args: { variant: 'brand' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chat = canvas.getByRole('region', { name: 'Brand assistant' });
    const approve = await canvas.findByRole('button', { name: 'Approve' });
    expect(getComputedStyle(approve).backgroundColor).toBe('rgb(15, 118, 110)');
    expect(getComputedStyle(approve).borderRadius).toBe('6px');
    expect(getComputedStyle(chat).fontFamily).toMatch(/^Georgia/);
    expect(getComputedStyle(chat).colorScheme).toBe('light');
  },
};

export const Dark: Story = {
  args: { variant: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chat = canvas.getByRole('region', { name: 'Assistant' });
    expect(getComputedStyle(chat).colorScheme).toBe('dark');
    expect(getComputedStyle(chat).backgroundColor).toBe('rgb(15, 15, 18)');
    const approve = await canvas.findByRole('button', { name: 'Approve' });
    expect(getComputedStyle(approve).backgroundColor).toBe('rgb(129, 140, 248)');
  },
};

export const ReplacedParts: Story = {
  args: { variant: 'replaced-parts' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getByRole('region', { name: 'Support' })).toBeInTheDocument();
    const hits = await canvas.findByRole('list', { name: 'Search hits' });
    expect(within(hits).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['reliability.md', 'protocol.md']);
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Allow' })).toBeEnabled());
    expect(canvas.getByRole('button', { name: 'Refuse' })).toBeEnabled();
    expect(canvas.queryByRole('button', { name: 'Approve' })).toBeNull();
  },
};
