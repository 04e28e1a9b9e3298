import { cleanup, render, waitFor } from '@testing-library/react';
import type { LanguageFn } from 'highlight.js';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeBlock } from './code-block.js';
import { loadLowlight, registerCodeLanguages } from './load-lowlight.js';

afterEach(cleanup);

/** A grammar of the test's own, so it cannot already be built in: `ping` words are keywords. */
const pingLanguage: LanguageFn = () => ({ name: 'Ping', aliases: ['pg'], keywords: { keyword: 'ping' }, contains: [] });

describe('the highlighter', () => {
  it('knows the languages chats usually show, by name and by their usual aliases', async () => {
    const lowlight = await loadLowlight();
    const names = ['typescript', 'ts', 'tsx', 'javascript', 'js', 'jsx', 'mjs', 'python', 'py', 'bash', 'sh', 'zsh', 'shell', 'console', 'json'];
    names.push('html', 'xml', 'svg', 'css', 'sql', 'go', 'golang', 'rust', 'rs', 'java', 'c', 'h', 'cpp', 'c++', 'hpp', 'yaml', 'yml');
    names.push('markdown', 'md', 'diff', 'patch');
    expect(names.filter((name) => !lowlight.registered(name))).toEqual([]);
    // The rest of highlight.js's common set stays out of the chunk unless an app adds it.
    expect(['ruby', 'php', 'kotlin', 'swift'].filter((name) => lowlight.registered(name))).toEqual([]);
  });

  it('highlights the languages HTML embeds: CSS in style, JavaScript in script', async () => {
    const lowlight = await loadLowlight();
    const tree = JSON.stringify(lowlight.highlight('html', '<style>a { color: red }</style><script>const a = 1</script>'));
    expect(tree).toContain('"className":["css"]');
    expect(tree).toContain('"className":["javascript"]');
    expect(tree).toContain('"className":["hljs-keyword"]');
  });

  it('highlights languages an app registers, with their aliases, before or after lowlight has loaded', async () => {
    registerCodeLanguages({ ping: pingLanguage });
    const { container } = render(<CodeBlock code="ping pong" language="pg" />);
    const code = container.querySelector('code')!;
    await waitFor(() => expect(code.getAttribute('data-highlight')).toBe('highlighted'));
    expect(code.querySelector('.hljs-keyword')?.textContent).toBe('ping');

    registerCodeLanguages({ pong: (hljs) => ({ ...pingLanguage(hljs), name: 'Pong', aliases: [], keywords: { keyword: 'pong' } }) });
    expect((await loadLowlight()).registered('pong')).toBe(true);
  });
});
