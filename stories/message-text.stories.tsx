import { useEffect, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { MessageText } from '@platosdev/client/react';
import { expect, spyOn, waitFor, within } from 'storybook/test';

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

const streamedAnswer = [
  '## Retrying a request',
  '',
  'Retry only **idempotent** requests, with `exponential backoff` and [jitter](https://example.com/jitter) so clients do not retry in step.',
  '',
  '| attempt | delay | note |',
  '| ---: | ---: | --- |',
  '| 1 | 250 ms | first retry |',
  '| 2 | 500 ms | doubled |',
  '| 3 | 1000 ms | capped later |',
  '',
  '```ts',
  'export function backoff(attempt: number): number {',
  '  // base * 2^n, capped at ten seconds',
  '  const base = 250;',
  "  return Math.min(base * Math.pow(2, attempt), 10_000);",
  '}',
  '```',
  '',
  '1. Measure the failure rate',
  '2. Pick a *budget*',
  '3. Write it down',
].join('\n');

function StreamingMessage({ text, charactersPerFrame }: { text: string; charactersPerFrame: number }) {
  const [length, setLength] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setLength((shown) => Math.min(text.length, shown + charactersPerFrame)), 16);
    return () => clearInterval(timer);
  }, [text, charactersPerFrame]);
  return <MessageText text={text.slice(0, length)} streaming={length < text.length} />;
}

/**
 * An answer streamed a few characters per frame: completed blocks stay put, unfinished `**`, links and the table's
 * header row never show as raw markdown, the code block shows plain text while open and is highlighted once closed.
 */
export const Streaming: Story = {
  args: { text: streamedAnswer },
  render: (args) => <StreamingMessage text={args.text} charactersPerFrame={4} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(canvasElement.textContent ?? ''));
    observer.observe(canvasElement, { subtree: true, childList: true, characterData: true });
    const root = () => canvasElement.querySelector('.platos-markdown');
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'complete'), { timeout: 15_000 });
    observer.disconnect();
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.filter((text) => text.includes('**') || text.includes('](') || text.includes('| attempt'))).toEqual([]);
    expect(canvas.getByRole('heading', { level: 2, name: 'Retrying a request' })).toBeInTheDocument();
    expect(canvas.getAllByRole('row')).toHaveLength(4);
    expect(canvas.getByRole('link', { name: 'jitter' })).toHaveAttribute('href', 'https://example.com/jitter');
    const code = canvasElement.querySelector('.platos-code-block code');
    await waitFor(() => expect(code).toHaveAttribute('data-highlight', 'highlighted'));
    expect(code?.querySelector('.hljs-keyword')).not.toBeNull();
    expect(canvas.getByRole('button', { name: 'Copy code' })).toBeInTheDocument();
  },
};

/** A code block still being written: plain text with a caret, no highlighting yet. */
export const OpenCodeFence: Story = {
  args: { text: 'Here is the function:\n\n```python\ndef backoff(attempt):\n    base = 250\n    return min(base * 2 ** attempt', streaming: true },
  play: async ({ canvasElement }) => {
    const block = canvasElement.querySelector('.platos-code-block');
    expect(block).toHaveAttribute('data-state', 'streaming');
    expect(block?.querySelector('code')).toHaveAttribute('data-highlight', 'plain');
    expect(canvasElement).not.toHaveTextContent('```');
  },
};
