import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { ConnectionStatus } from './connection-status.js';

afterEach(cleanup);

describe('ConnectionStatus', () => {
  it('shows the connection while it is not open, else the thread sync state', () => {
    const { Wrapper, client, scheduler } = createPlatosHarness();
    render(<ConnectionStatus />, { wrapper: Wrapper });
    const pill = screen.getByRole('status');
    act(() => {
      client.emit('thread-1', { kind: 'sync', state: 'live' });
      scheduler.runFrame();
    });
    expect(pill.getAttribute('data-state')).toBe('live');
    expect(pill.textContent).toBe('Live');

    act(() => client.setConnection('reconnecting'));
    expect(pill.getAttribute('data-state')).toBe('reconnecting');
    expect(pill.getAttribute('data-sync')).toBe('live');
    expect(pill.textContent).toBe('Reconnecting');

    act(() => {
      client.setConnection('open');
      client.emit('thread-1', { kind: 'sync', state: 'resyncing' });
      scheduler.runFrame();
    });
    expect(pill.textContent).toBe('Resyncing');
  });
});
