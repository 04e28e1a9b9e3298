import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePendingMessages } from '../../react/use-pending-messages.js';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { PendingMessage } from './pending-message.js';

afterEach(cleanup);

function PendingList() {
  return usePendingMessages().map((message) => <PendingMessage key={message.clientMessageId} message={message} />);
}

describe('PendingMessage', () => {
  it('shows a message sent without a connection as queued, with its text, and as sending once connected', () => {
    const { Wrapper, client, store, threadId } = createPlatosHarness();
    client.reply = () => new Promise(() => {});
    render(<PendingList />, { wrapper: Wrapper });
    act(() => {
      client.setConnection('reconnecting');
      void store.send(threadId, 'Draft that must survive');
    });
    const article = screen.getByRole('article', { name: 'You' });
    expect(article.getAttribute('data-state')).toBe('queued');
    expect(article.textContent).toContain('Draft that must survive');
    expect(article.textContent).toContain('Queued');
    act(() => client.setConnection('open'));
    expect(article.getAttribute('data-state')).toBe('sending');
  });
});
