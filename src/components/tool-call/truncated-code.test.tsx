import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { TruncatedCode, truncationPoint } from './truncated-code.js';

afterEach(cleanup);

describe('truncationPoint', () => {
  it('cuts at the character or line limit, whichever comes first', () => {
    expect(truncationPoint('short', 10, 3)).toBeUndefined();
    expect(truncationPoint('a\nb\nc', 10, 3)).toBeUndefined();
    expect(truncationPoint('a\nb\nc\nd', 10, 3)).toBe(5);
    expect(truncationPoint('x'.repeat(20), 10, 3)).toBe(10);
    expect(truncationPoint('x'.repeat(20) + '\n\n\n', 10, 3)).toBe(10);
  });
});

describe('TruncatedCode', () => {
  it('shows all of a short value without a button', async () => {
    render(<TruncatedCode aria-label="Value" text="{}" showMoreLabel="Show more" showLessLabel="Show less" />);
    expect(screen.getByLabelText('Value').getAttribute('data-state')).toBe('full');
    expect(screen.queryByRole('button')).toBeNull();
    await expectAccessible(document.body);
  });

  it('toggles between the first lines and the whole value', async () => {
    const text = Array.from({ length: 10 }, (_, index) => `line ${index}`).join('\n');
    render(<TruncatedCode aria-label="Value" text={text} maxLines={3} showMoreLabel="Show more" showLessLabel="Show less" />);
    const code = screen.getByLabelText('Value');
    expect(code.textContent).toBe('line 0\nline 1\nline 2…');
    const button = screen.getByRole('button', { name: 'Show more' });
    expect(button.getAttribute('aria-controls')).toBe(code.id);
    await expectAccessible(document.body);
    fireEvent.click(button);
    expect(code.textContent).toBe(text);
    expect(code.getAttribute('data-state')).toBe('expanded');
    fireEvent.click(screen.getByRole('button', { name: 'Show less' }));
    expect(code.getAttribute('data-state')).toBe('truncated');
  });
});
