import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../test-support/platos-test-harness';
import { ApprovalPrompt } from './approval-prompt';

afterEach(cleanup);

function setup() {
  const harness = createPlatosHarness();
  render(<ApprovalPrompt id="ap-1" />, { wrapper: harness.Wrapper });
  const turnId = harness.startTurn();
  harness.push(
    harness.event('approval-pending', turnId, {
      approvalId: 'ap-1',
      tool: 'run_shell',
      args: { command: '<img src=x onerror=alert(1)>' },
      reason: 'Needs to clean the build folder',
    }),
  );
  return { ...harness, turnId };
}

describe('ApprovalPrompt', () => {
  it('shows the tool, the reason and the arguments as escaped text', () => {
    setup();
    const prompt = screen.getByRole('region', { name: 'Approval: run_shell' });
    expect(prompt.getAttribute('data-state')).toBe('pending');
    expect(prompt.textContent).toContain('Needs to clean the build folder');
    expect(screen.getByLabelText('Arguments').textContent).toContain('"command": "<img src=x onerror=alert(1)>"');
    expect(document.querySelector('img')).toBeNull();
  });

  it('sends the decision exactly once on a double click, then disables both buttons', async () => {
    const { client } = setup();
    let resolveReply: () => void = () => {};
    client.reply = () =>
      new Promise((resolve) => {
        resolveReply = () => resolve({});
      });
    const approve = screen.getByRole('button', { name: 'Approve' });
    act(() => {
      fireEvent.click(approve);
      fireEvent.click(approve);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Deny' }));
    expect(client.calls.filter((call) => call.command === 'approval')).toEqual([{ command: 'approval', approvalId: 'ap-1', decision: 'approved' }]);
    expect((approve as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Sending your approval…');

    await act(async () => resolveReply());
    expect((screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Deny' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Your approval was sent');
    expect(client.calls.filter((call) => call.command === 'approval')).toHaveLength(1);
  });

  it('shows a decision made without a connection as queued, sent once, and sending once connected', () => {
    const { client } = setup();
    client.reply = () => new Promise(() => {});
    act(() => client.setConnection('reconnecting'));
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const status = document.querySelector('.platos-approval-status');
    expect(status?.getAttribute('data-state')).toBe('queued');
    expect(status?.textContent).toBe('Your approval will be sent when the connection is back');
    expect(client.calls.filter((call) => call.command === 'approval')).toHaveLength(1);
    act(() => client.setConnection('open'));
    expect(status?.getAttribute('data-state')).toBe('sending');
  });

  it('lets the user try again after a failed send', async () => {
    const { client } = setup();
    client.reply = async () => {
      throw Object.assign(new Error('Approval expired'), { code: 'expired' });
    };
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Deny' })));
    expect(screen.getByRole('alert').textContent).toContain('Could not send your denial');
    client.reply = async () => ({});
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Deny' })));
    expect(client.calls.filter((call) => call.command === 'approval')).toHaveLength(2);
  });

  it('shows the resolved state without buttons', () => {
    const { push, event, turnId } = setup();
    push(event('approval-resolved', turnId, { approvalId: 'ap-1', decision: 'denied', resolvedBy: 'admin' }));
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('region', { name: 'Approval: run_shell' }).getAttribute('data-state')).toBe('denied');
    expect(screen.getByRole('status').textContent).toBe('Denied by admin');
  });
});
