import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { ChatCustomizationProvider } from '../chat/chat-customization.js';
import { CodeBlock } from './code-block.js';
import { loadLowlight } from './load-lowlight.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function mockClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

describe('CodeBlock', () => {
  it('shows plain text first, then highlighted spans built as elements once lowlight has loaded', async () => {
    const { container } = render(<CodeBlock code={'const answer = 42; // why'} language="ts" />);
    const code = container.querySelector('code')!;
    expect(code.getAttribute('data-highlight')).toBe('plain');
    expect(code.textContent).toBe('const answer = 42; // why');
    await waitFor(() => expect(code.getAttribute('data-highlight')).toBe('highlighted'));
    expect(code.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(code.querySelector('.hljs-comment')?.textContent).toBe('// why');
    expect(code.textContent).toBe('const answer = 42; // why');
    expect([...code.querySelectorAll('*')].every((element) => element.tagName === 'SPAN')).toBe(true);
  });

  it('leaves a streaming block and an unknown language plain', async () => {
    const { container } = render(
      <>
        <CodeBlock code="let x = 1" language="js" state="streaming" />
        <CodeBlock code="<b>not html</b>" language="no-such-language" />
      </>,
    );
    await act(async () => {
      await loadLowlight();
    });
    const blocks = container.querySelectorAll('code');
    expect([...blocks].map((code) => code.getAttribute('data-highlight'))).toEqual(['plain', 'plain']);
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.platos-code-block')?.getAttribute('data-state')).toBe('streaming');
  });

  it('copies the code from the keyboard, says Copied, then goes back', async () => {
    const user = userEvent.setup();
    // After setup: user-event puts its own clipboard stub in place.
    const writeText = vi.fn(() => Promise.resolve());
    mockClipboard(writeText);
    render(<CodeBlock code={'echo hi'} language="sh" />);
    await user.tab();
    const button = screen.getByRole('button', { name: 'Copy code' });
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    expect(writeText).toHaveBeenCalledWith('echo hi');
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = await screen.findByRole('button', { name: 'Copied' });
    expect(copied.getAttribute('data-state')).toBe('copied');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy code' }).getAttribute('data-state')).toBe('idle'), { timeout: 3000 });
  });

  it('says so when the clipboard refuses', async () => {
    mockClipboard(() => Promise.reject(new Error('denied')));
    render(<CodeBlock code="x" />);
    screen.getByRole('button', { name: 'Copy code' }).click();
    expect((await screen.findByRole('button', { name: 'Copy failed' })).getAttribute('data-state')).toBe('failed');
  });

  it('takes its labels from the chat customization', () => {
    render(
      <ChatCustomizationProvider value={{ toolRenderers: {}, labels: { copyCode: 'Code kopieren' } }}>
        <CodeBlock code="x" />
      </ChatCustomizationProvider>,
    );
    expect(screen.getByRole('button', { name: 'Code kopieren' })).toBeTruthy();
  });

  it('forwards className and props and has no axe violations', async () => {
    const { container } = render(<CodeBlock code="print(1)" language="python" className="mine" id="code-1" />);
    const root = container.firstElementChild!;
    expect(root.className).toBe('platos-code-block mine');
    expect(root.id).toBe('code-1');
    expect(root.getAttribute('data-language')).toBe('python');
    // The language and button words are drawn by CSS: the block's text is the code alone.
    expect(root.textContent).toBe('print(1)');
    await expectAccessible(container);
  });
});
