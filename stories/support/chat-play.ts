import { expect, userEvent, waitFor, within } from 'storybook/test';

/** Long enough for a whole scenario at story-test speed on a slow machine. */
export const TURN_TIMEOUT = { timeout: 15_000 };

/** The chat's connection pill; it reads `live` once the thread is subscribed. */
export function connectionStatus(canvasElement: HTMLElement): HTMLElement {
  const status = canvasElement.querySelector<HTMLElement>('.platos-connection-status');
  if (!status) throw new Error('The chat shows no connection status');
  return status;
}

/** Waits until the chat is live, then types `text` and presses Send. */
export async function sendMessage(canvasElement: HTMLElement, text: string): Promise<void> {
  const canvas = within(canvasElement);
  await waitFor(() => expect(connectionStatus(canvasElement)).toHaveAttribute('data-state', 'live'), TURN_TIMEOUT);
  await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), text);
  await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
}

/** The newest assistant message once its turn is over, in whichever final state. */
export async function endedAssistantMessage(canvasElement: HTMLElement): Promise<HTMLElement> {
  const canvas = within(canvasElement);
  let message: HTMLElement | undefined;
  await waitFor(() => {
    message = canvas.getAllByRole('article', { name: 'Assistant' }).at(-1);
    expect(message?.dataset['state']).toMatch(/^(finished|failed|cancelled)$/);
  }, TURN_TIMEOUT);
  return message as HTMLElement;
}
