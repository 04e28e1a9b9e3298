import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { ErrorBanner } from './error-banner.js';

afterEach(cleanup);

describe('ErrorBanner', () => {
  it('renders nothing while the thread is fine', () => {
    const { Wrapper } = createPlatosHarness();
    const { container } = render(<ErrorBanner />, { wrapper: Wrapper });
    expect(container.textContent).toBe('');
  });

  it('alerts about a sync error and clears once the thread is live again', () => {
    const { Wrapper, client, scheduler } = createPlatosHarness();
    render(<ErrorBanner />, { wrapper: Wrapper });
    act(() => {
      client.emit('thread-1', { kind: 'sync', state: 'error', error: { code: 'history_failed', message: 'History is unavailable' } });
      scheduler.runFrame();
    });
    expect(screen.getByRole('alert').textContent).toBe('This conversation could not be loaded: History is unavailableTry again');
    act(() => {
      client.emit('thread-1', { kind: 'sync', state: 'live' });
      scheduler.runFrame();
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('alerts when the token is refused', () => {
    const { Wrapper, client } = createPlatosHarness();
    render(<ErrorBanner />, { wrapper: Wrapper });
    act(() => client.setConnection('unauthorized'));
    expect(screen.getByRole('alert').getAttribute('data-state')).toBe('unauthorized');
  });

  it('offers to try again when offline, and asks the client to reconnect once per click', () => {
    const { Wrapper, client } = createPlatosHarness();
    render(<ErrorBanner />, { wrapper: Wrapper });
    act(() => client.setConnection('offline'));
    expect(screen.getByRole('alert').getAttribute('data-state')).toBe('offline');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(client.calls).toEqual([{ command: 'reconnect' }]);
  });

  it('says the connection was closed, without a retry that could not work', () => {
    const { Wrapper, client } = createPlatosHarness();
    render(<ErrorBanner />, { wrapper: Wrapper });
    act(() => client.setConnection('closed'));
    expect(screen.getByRole('alert').getAttribute('data-state')).toBe('closed');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says when the running turn stalled, and resyncs the thread on Try again', () => {
    const { Wrapper, client, setState, startTurn, threadId } = createPlatosHarness();
    render(<ErrorBanner />, { wrapper: Wrapper });
    startTurn();
    act(() => setState((state) => ({ threads: { ...state.threads, [threadId]: { ...state.threads[threadId]!, stalledTurnId: 'turn-1' } } })));
    expect(screen.getByRole('alert').getAttribute('data-state')).toBe('stalled');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(client.calls).toEqual([{ command: 'resync', threadId }]);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
