import type { Meta, StoryObj } from '@storybook/react-vite';
import { MessageText } from '@platosdev/client/react';
import { expect, spyOn, within } from 'storybook/test';

const meta = {
  title: 'Components/MessageText',
  component: MessageText,
  tags: ['autodocs'],
  decorators: [(Story) => <div style={{ maxWidth: 640 }}>{Story()}</div>],
} satisfies Meta<typeof MessageText>;

export default meta;
type Story = StoryObj<typeof meta>;

const trickyMarkdown = [
  '## Edge cases',
  '',
  '**bold with *nested italic* inside** and \\*escaped stars\\* and `code with ** stars`',
  '',
  '1. first',
  '   - nested bullet',
  '     - deeper',
  '2. second with a [safe link](https://example.com/docs "Docs")',
  '',
  '> a quote with `code` and a line  ',
  '> break',
  '',
  '````md',
  '```ts',
  'const fenced = "inside a longer fence";',
  '```',
  '````',
  '',
  '| left | right |',
  '| :--- | ----: |',
  '| `a|b` escaped pipe \\| | 2 |',
  '',
  'A relative [link](/elsewhere) stays plain text, and so does <https://example.com/auto>.',
  '',
  '```js',
  'console.log("a fence still streaming, never closed");',
].join('\n');

/** Nesting, escapes, fences inside fences, a table, and a code block still open at the end. */
export const TrickyMarkdown: Story = {
  args: { text: trickyMarkdown },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getByRole('heading', { level: 2, name: 'Edge cases' })).toBeInTheDocument();
    expect(canvas.getByText('nested italic').tagName).toBe('EM');
    expect(canvasElement).toHaveTextContent('*escaped stars*');
    expect(canvas.getByText('code with ** stars').tagName).toBe('CODE');
    expect(canvas.getByText('deeper').closest('ul')?.closest('ul')?.closest('ol')).not.toBeNull();
    expect(canvas.getByRole('link', { name: 'safe link' })).toHaveAttribute('rel', 'noopener noreferrer');
    expect(canvasElement).toHaveTextContent('```ts const fenced = "inside a longer fence"; ```');
    expect(canvas.getAllByRole('row')).toHaveLength(2);
    expect(canvas.queryByRole('link', { name: 'link' })).toBeNull();
    expect(canvasElement).toHaveTextContent('never closed');
  },
};

const hostileMarkdown = [
  'Images: <img src=x onerror=alert(1)>',
  '',
  '<script>alert(1)</script>',
  '',
  'Links: [click me](javascript:alert(1)) and <a href="javascript:alert(1)">raw anchor</a>',
  '',
  '![tracking pixel](javascript:alert(1)) ![also bad](http://example.com/pixel.png)',
  '',
  '<iframe src="https://example.com"></iframe>',
].join('\n');

/** Raw HTML and unsafe URLs are shown as text: no element from the message is ever created. */
export const HostileHtml: Story = {
  args: { text: hostileMarkdown },
  beforeEach: () => {
    const alert = spyOn(window, 'alert').mockImplementation(() => {});
    return () => alert.mockRestore();
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvasElement.querySelectorAll('img, script, iframe')).toHaveLength(0);
    expect(canvasElement).toHaveTextContent('Images: <img src=x onerror=alert(1)>');
    expect(canvasElement).toHaveTextContent('<script>alert(1)</script>');
    expect(canvasElement).toHaveTextContent('<iframe src="https://example.com"></iframe>');
    expect(canvas.getByText('click me').closest('a')).toBeNull();
    for (const anchor of canvasElement.querySelectorAll('a')) expect(anchor.getAttribute('href')).toMatch(/^https?:/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.alert).not.toHaveBeenCalled();
  },
};
