import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { ChatCustomizationProvider } from '../chat/chat-customization.js';
import { createFakeStorage } from '../../testing/index.js';
import { Composer } from './composer.js';

afterEach(cleanup);

function setup() {
  const harness = createPlatosHarness();
  render(<Composer />, { wrapper: harness.Wrapper });
  const input = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  const type = (value: string) => fireEvent.change(input, { target: { value } });
  return { ...harness, input, type };
}

const sends = (harness: ReturnType<typeof setup>) => harness.client.calls.filter((call) => call.command === 'send');

describe('Composer', () => {
  it('sends on Enter, clears the box once accepted, and adds a line on Shift+Enter', async () => {
    const harness = setup();
    harness.type('Hello');
    fireEvent.keyDown(harness.input, { key: 'Enter', shiftKey: true });
    expect(sends(harness)).toHaveLength(0);
    await act(async () => {
      fireEvent.keyDown(harness.input, { key: 'Enter' });
    });
    expect(sends(harness)).toMatchObject([{ text: 'Hello' }]);
    expect(harness.input.value).toBe('');
  });

  it('sends with the button and not when the draft is blank', async () => {
    const harness = setup();
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    harness.type('   ');
    expect(send.disabled).toBe(true);
    fireEvent.keyDown(harness.input, { key: 'Enter' });
    harness.type('Hi');
    await act(async () => {
      fireEvent.click(send);
    });
    expect(sends(harness)).toMatchObject([{ text: 'Hi' }]);
  });

  it('keeps the draft when the send fails, says why, and leaves no second copy in the list', async () => {
    const harness = setup();
    harness.client.reply = async () => {
      throw new Error('Server unavailable');
    };
    harness.type('Please keep me');
    await act(async () => {
      fireEvent.keyDown(harness.input, { key: 'Enter' });
    });
    expect(sends(harness)).toHaveLength(1);
    expect(harness.input.value).toBe('Please keep me');
    expect(screen.getByRole('alert').textContent).toBe('Not sent: Server unavailable. Your message is back in the box.');
    expect(harness.input.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(harness.store.getState().threads['thread-1']?.pendingMessages).toEqual([]);
    expect(document.activeElement).toBe(harness.input);
    await expectAccessible(document.body);
  });

  it('keeps focus in the box after sending with the button', async () => {
    const harness = setup();
    harness.type('Hi');
    const send = screen.getByRole('button', { name: 'Send' });
    send.focus();
    await act(async () => {
      fireEvent.click(send);
    });
    expect(sends(harness)).toHaveLength(1);
    expect(document.activeElement).toBe(harness.input);
  });

  it('does not send on the Enter that ends an IME composition', () => {
    const harness = setup();
    harness.type('にほん');
    fireEvent.compositionStart(harness.input);
    fireEvent.keyDown(harness.input, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(harness.input, { key: 'Enter' });
    fireEvent.compositionEnd(harness.input);
    fireEvent.keyDown(harness.input, { key: 'Enter', keyCode: 229 });
    expect(sends(harness)).toHaveLength(0);
    expect(harness.input.value).toBe('にほん');
  });

  it('says why it cannot send while the connection is closed or the token refused, and takes a draft anyway', async () => {
    const harness = setup();
    act(() => harness.client.setConnection('closed'));
    harness.type('Later');
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    const form = harness.input.closest('form');
    expect(form?.getAttribute('data-state')).toBe('disabled');
    const reason = document.getElementById(harness.input.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe('Sending is off: the connection was closed.');
    act(() => harness.client.setConnection('unauthorized'));
    expect(document.getElementById(harness.input.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/access token/);
    fireEvent.keyDown(harness.input, { key: 'Enter' });
    expect(sends(harness)).toHaveLength(0);
    act(() => harness.client.setConnection('open'));
    expect(send.disabled).toBe(false);
    expect(harness.input.getAttribute('aria-describedby')).toBeNull();
    await expectAccessible(document.body);
  });

  it('takes a disabled prop with a reason, and labels from the customization context', () => {
    const harness = createPlatosHarness();
    render(
      <ChatCustomizationProvider value={{ toolRenderers: {}, labels: { composerSend: 'Senden', composerInput: 'Nachricht' } }}>
        <Composer disabled disabledReason="Read-only thread" data-testid="composer" />
      </ChatCustomizationProvider>,
      { wrapper: harness.Wrapper },
    );
    expect((screen.getByRole('button', { name: 'Senden' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('textbox', { name: 'Nachricht' })).toBeTruthy();
    expect(screen.getByText('Read-only thread')).toBeTruthy();
    expect(screen.getByTestId('composer').getAttribute('data-state')).toBe('disabled');
  });

  it('does not overwrite a new draft with a failed one', async () => {
    const harness = setup();
    let fail: () => void = () => {};
    harness.client.reply = () =>
      new Promise((_, reject) => {
        fail = () => reject(new Error('nope'));
      });
    harness.type('First');
    await act(async () => {
      fireEvent.keyDown(harness.input, { key: 'Enter' });
    });
    harness.type('Second');
    await act(async () => fail());
    expect(harness.input.value).toBe('Second');
    // The failed one stays in the list, with Retry.
    expect(harness.store.getState().threads['thread-1']?.pendingMessages).toMatchObject([{ text: 'First', state: 'failed' }]);
  });

  it('shows Stop while a turn streams and cancels it, once', async () => {
    const harness = setup();
    const turnId = harness.startTurn();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    let finishCancel: () => void = () => {};
    harness.client.reply = () =>
      new Promise((resolve) => {
        finishCancel = () => resolve({});
      });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    });
    const stopping = screen.getByRole('button', { name: 'Stopping…' }) as HTMLButtonElement;
    expect(stopping.disabled).toBe(true);
    expect(harness.input.closest('form')?.getAttribute('data-state')).toBe('stopping');
    await act(async () => finishCancel());
    expect(harness.client.calls.at(-1)).toEqual({ command: 'cancel', threadId: 'thread-1', turnId });
    harness.finishTurn(turnId, 'cancelled');
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
  });
});

describe('Composer drafts', () => {
  it('brings an unsent draft back after a remount (a reload), and deletes it once sent', async () => {
    const storage = createFakeStorage();
    const first = createPlatosHarness('thread-1', { storage });
    const view = render(<Composer />, { wrapper: first.Wrapper });
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Unsent thought' } });
    view.unmount();
    await act(async () => {});
    expect(storage.values.get('draft:thread-1')).toBe('Unsent thought');

    const second = createPlatosHarness('thread-1', { storage });
    render(<Composer />, { wrapper: second.Wrapper });
    const input = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    await act(async () => {});
    expect(input.value).toBe('Unsent thought');

    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter' });
    });
    expect(second.client.calls).toMatchObject([{ command: 'send', text: 'Unsent thought' }]);
    expect(input.value).toBe('');
    expect(storage.values.has('draft:thread-1')).toBe(false);
  });
});
