import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../test-support/platos-test-harness';
import { Composer } from './composer';

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

  it('keeps the draft when the send fails', async () => {
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
  });

  it('shows Stop while a turn streams and cancels it', async () => {
    const harness = setup();
    const turnId = harness.startTurn();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    });
    expect(harness.client.calls.at(-1)).toEqual({ command: 'cancel', threadId: 'thread-1', turnId });
    harness.finishTurn(turnId, 'cancelled');
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
  });
});
