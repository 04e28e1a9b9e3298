import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageText } from './message-text.js';

afterEach(cleanup);

// This file's module graph starts without the markdown parser, as an app's first page does.
describe('MessageText before the markdown parser has loaded', () => {
  it('shows every paragraph as plain text at once, then the same element renders the markdown', async () => {
    const text = '# Plan\n\nSome **bold** words\nover two lines.\n\n```ts\nconst a = 1;\n```';
    const { container, rerender } = render(<MessageText text={text} streaming />);
    const root = container.firstElementChild!;
    expect(root.getAttribute('data-state')).toBe('streaming');
    expect([...root.querySelectorAll('p.platos-markdown-plain')].map((paragraph) => paragraph.textContent)).toEqual([
      '# Plan',
      'Some **bold** words\nover two lines.',
      '```ts\nconst a = 1;\n```',
    ]);

    expect(await screen.findByRole('heading', { name: 'Plan' })).toBeTruthy();
    expect(container.firstElementChild).toBe(root);
    expect(root.querySelector('.platos-markdown-plain')).toBeNull();
    expect(root.querySelector('strong')?.textContent).toBe('bold');

    rerender(<MessageText text={`${text}\n\nMore *text*.`} streaming={false} />);
    expect(root.getAttribute('data-state')).toBe('complete');
    expect(root.querySelector('em')?.textContent).toBe('text');
  });
});
