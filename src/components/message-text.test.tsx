import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageText } from './message-text';

afterEach(cleanup);

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
    expect(fence?.className).toBe('language-ts');
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
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('target')).toBe('_blank');
    }
    expect(container.innerHTML).not.toContain('javascript:');
    expect(container.textContent).toContain('bad');
  });

  it('drops javascript: links hidden by case and whitespace', () => {
    const { container } = render(<MessageText text={'[x](JaVaScRiPt:alert(1)) <javascript:alert(2)>'} />);
    expect(container.querySelector('a')).toBeNull();
  });

  it('renders images only from https addresses', () => {
    const { container } = render(<MessageText text={'![ok](https://example.com/a.png) ![no](http://example.com/b.png)'} />);
    const images = container.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]?.getAttribute('src')).toBe('https://example.com/a.png');
    expect(container.textContent).toContain('no');
  });

  it('forwards className and other props to its element', () => {
    const { container } = render(<MessageText text="hi" className="extra" id="text-1" />);
    const root = container.firstElementChild;
    expect(root?.className).toBe('platos-markdown extra');
    expect(root?.id).toBe('text-1');
  });
});
