import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { MessageList } from './message-list.js';

let restoreLayout = () => {};

beforeEach(() => {
  // jsdom has no layout: the scroller's content is 1,000 px high.
  const previous = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollHeight');
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('platos-message-list-scroller') ? 1000 : 0;
    },
  });
  restoreLayout = () => {
    if (previous) Object.defineProperty(HTMLElement.prototype, 'scrollHeight', previous);
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)['scrollHeight'];
  };
});

afterEach(() => {
  cleanup();
  restoreLayout();
});

// This file's module graph starts without the virtualizer, as an app's first page does.
describe('MessageList before the virtualizer has loaded', () => {
  it('shows every message in normal flow, opened at the end, then the virtualized rows take over in the same log', async () => {
    const harness = createPlatosHarness();
    render(<MessageList />, { wrapper: harness.Wrapper });
    harness.startTurn(1, 'First question');
    harness.startTurn(2, 'Second question');

    const log = screen.getByRole('log', { name: 'Messages' });
    expect(log.querySelector('.platos-message-list-items')?.getAttribute('data-layout')).toBe('flow');
    expect(screen.getAllByRole('article').map((article) => article.getAttribute('data-role'))).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(screen.getAllByRole('article')[2]?.textContent).toBe('Second question');
    expect(log.scrollTop).toBe(1000);

    // The virtualized rows take over with the frame after the chunk arrived.
    await waitFor(() => {
      act(() => harness.scheduler.runFrame());
      expect(log.querySelector('.platos-message-list-items')?.hasAttribute('data-layout')).toBe(false);
    });
    expect(screen.getByRole('log', { name: 'Messages' })).toBe(log);
    const rows = [...log.querySelectorAll<HTMLElement>('.platos-message-list-item')];
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => /translateY\(/.test(row.style.transform))).toBe(true);
    expect(screen.getAllByRole('article')[2]?.textContent).toBe('Second question');
  });
});
