import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { ErrorNote } from './error-note.js';
import { Message } from '../message/message.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';

beforeAll(preloadLazyParts);

afterEach(cleanup);

describe('ErrorNote', () => {
  it('is an alert when the error ended the turn', async () => {
    render(<ErrorNote part={{ type: 'error', code: 'model_error', message: 'The model crashed', retryable: false }} />);
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-state')).toBe('fatal');
    expect(alert.textContent).toContain('The model crashed');
    expect(alert.textContent).toContain('model_error');
    await expectAccessible(document.body);
  });

  it('is a quiet note when the turn goes on', () => {
    render(<ErrorNote part={{ type: 'error', code: 'rate_limited', message: 'Retrying soon', retryable: true }} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('note').getAttribute('data-state')).toBe('retryable');
  });

  it('offers Retry once a turn with a retryable error ends without an answer; Retry sends the user message again, once', async () => {
    const harness = createPlatosHarness();
    render(<Message id="assistant-1" />, { wrapper: harness.Wrapper });
    const turnId = harness.startTurn(1, 'Summarise the report');
    harness.push(harness.event('error', turnId, { code: 'rate_limited', message: 'Slow down', retryable: true }));
    expect(screen.getByRole('note').textContent).toContain('Temporary problem, still working');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();

    harness.finishTurn(turnId, 'error');
    const retry = screen.getByRole('button', { name: 'Retry' });
    await expectAccessible(document.body);
    await act(async () => {
      fireEvent.click(retry);
    });
    const sends = harness.client.calls.filter((call) => call.command === 'send');
    expect(sends).toMatchObject([{ command: 'send', text: 'Summarise the report' }]);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByText('Sent again')).toBeTruthy();
  });

  it('offers no Retry when the turn answered after all', () => {
    const harness = createPlatosHarness();
    render(<Message id="assistant-1" />, { wrapper: harness.Wrapper });
    const turnId = harness.startTurn();
    harness.push(harness.event('error', turnId, { code: 'rate_limited', message: 'Slow down', retryable: true }));
    harness.finishTurn(turnId, 'stop');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByRole('note').textContent).toContain('Temporary problem');
  });

  it('disables Retry while another turn streams', () => {
    const harness = createPlatosHarness();
    render(<Message id="assistant-1" />, { wrapper: harness.Wrapper });
    const turnId = harness.startTurn(1);
    harness.push(harness.event('error', turnId, { code: 'rate_limited', message: 'Slow down', retryable: true }));
    harness.finishTurn(turnId, 'cancelled');
    expect((screen.getByRole('button', { name: 'Retry' }) as HTMLButtonElement).disabled).toBe(false);
    harness.startTurn(2);
    expect((screen.getByRole('button', { name: 'Retry' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
