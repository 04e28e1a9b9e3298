import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { ApprovalPrompt } from './approval-prompt.js';
import { ChatCustomizationProvider } from '../chat/chat-customization.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

interface SetupOptions {
  args?: Record<string, unknown>;
  tool?: string;
  reason?: string;
  expiresAt?: number;
  wrap?: (children: ReactNode) => ReactNode;
}

function setup({ args = { command: '<img src=x onerror=alert(1)>' }, tool = 'run_shell', reason = 'Needs to clean the build folder', expiresAt, wrap }: SetupOptions = {}) {
  const harness = createPlatosHarness();
  const prompt = <ApprovalPrompt id="ap-1" />;
  render(wrap ? wrap(prompt) : prompt, { wrapper: harness.Wrapper });
  const turnId = harness.startTurn();
  harness.push(
    harness.event('approval-pending', turnId, {
      approvalId: 'ap-1',
      tool,
      args,
      reason,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    }),
  );
  const approvalCalls = () => harness.client.calls.filter((call) => call.command === 'approval');
  const resolve = (decision: 'approved' | 'denied' | 'expired' | 'cancelled', resolvedBy?: string) =>
    harness.push(harness.event('approval-resolved', turnId, { approvalId: 'ap-1', decision, ...(resolvedBy ? { resolvedBy } : {}) }));
  return { ...harness, turnId, approvalCalls, resolve };
}

const region = () => screen.getByRole('region', { name: /^Approval: / });

describe('ApprovalPrompt', () => {
  it('shows the tool, the reason and the full arguments as escaped text', async () => {
    setup();
    const prompt = screen.getByRole('region', { name: 'Approval: run_shell' });
    expect(prompt.getAttribute('data-state')).toBe('pending');
    expect(prompt.textContent).toContain('Allow run_shell to run?');
    expect(prompt.textContent).toContain('Needs to clean the build folder');
    expect(screen.getByLabelText('Arguments').textContent).toContain('"command": "<img src=x onerror=alert(1)>"');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.platos-approval-warning')).toBeNull();
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Approve', 'Deny', 'No, and say why…']);
    await expectAccessible(prompt);
  });

  it('makes hidden characters visible as escapes, with a warning', async () => {
    setup({ tool: 'run\u200Bshell', args: { path: 'invoice\u202Etxt.exe', note: 'ok\u{E0041}' }, reason: 'clean\u2066up' });
    const args = screen.getByLabelText('Arguments');
    expect(args.textContent).toContain('"path": "invoice\\u202Etxt.exe"');
    expect(args.textContent).toContain('"note": "ok\\u{E0041}"');
    expect(args.textContent).not.toContain('\u202E');
    expect(document.querySelector('.platos-approval-tool')?.textContent).toBe('run\\u200Bshell');
    expect(region().getAttribute('aria-label')).toBe('Approval: run\\u200Bshell');
    expect(document.querySelector('.platos-approval-reason')?.textContent).toBe('clean\\u2066up');
    const marks = [...document.querySelectorAll('.platos-hidden-char')].map((mark) => [mark.textContent, mark.getAttribute('title')]);
    expect(marks).toEqual([
      ['\\u200B', 'zero-width character'],
      ['\\u2066', 'bidirectional text control'],
      ['\\u202E', 'bidirectional text control'],
      ['\\u{E0041}', 'invisible tag character'],
    ]);
    const warning = document.querySelector('.platos-approval-warning');
    expect(warning?.textContent).toBe('Contains 4 hidden characters, shown as escapes like \\u202E. Check them before approving.');
    expect(args.getAttribute('dir')).toBe('ltr');
    expect(screen.getByRole('button', { name: 'Approve' }).getAttribute('aria-describedby')).toBe(warning?.id);
    expect(screen.getByRole('button', { name: 'Approve', description: /4 hidden characters/ })).toBeTruthy();
    await expectAccessible(region());
  });

  it('sends the decision exactly once on a double click, disables the buttons and moves focus to the status', async () => {
    const { client, approvalCalls } = setup();
    let resolveReply: () => void = () => {};
    client.reply = () =>
      new Promise((resolve) => {
        resolveReply = () => resolve({});
      });
    const approve = screen.getByRole('button', { name: 'Approve' });
    approve.focus();
    act(() => {
      fireEvent.click(approve);
      fireEvent.click(approve);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Deny' }));
    expect(approvalCalls()).toEqual([{ command: 'approval', approvalId: 'ap-1', decision: 'approved', threadId: 'thread-1' }]);
    expect((approve as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'No, and say why…' }) as HTMLButtonElement).disabled).toBe(true);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Sending your approval…');
    expect(document.activeElement).toBe(status);
    await expectAccessible(region());

    await act(async () => resolveReply());
    expect((screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Deny' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Your approval was sent');
    expect(approvalCalls()).toHaveLength(1);
  });

  it('is operated from the keyboard: Tab reaches the arguments and each button, Enter decides', async () => {
    const { approvalCalls } = setup();
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Arguments'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Approve' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Deny' }));
    await user.keyboard('{Enter}');
    expect(approvalCalls()).toEqual([{ command: 'approval', approvalId: 'ap-1', decision: 'denied', threadId: 'thread-1' }]);
    expect(document.activeElement).toBe(screen.getByRole('status'));
  });

  it('takes a note from the keyboard alone', async () => {
    const { approvalCalls } = setup();
    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Deny' }).focus();
    await user.tab();
    await user.keyboard('{Enter}');
    await user.keyboard('Not on main');
    await user.tab();
    await user.keyboard('{Enter}');
    expect(approvalCalls()).toEqual([{ command: 'approval', approvalId: 'ap-1', decision: 'denied', note: 'Not on main', threadId: 'thread-1' }]);
  });

  it('denies with an optional note, sent once with the denial', async () => {
    const { approvalCalls } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'No, and say why…' }));
    const note = screen.getByLabelText('Tell the agent why (optional)');
    expect(document.activeElement).toBe(note);
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    await expectAccessible(region());
    fireEvent.change(note, { target: { value: '  Use the trash folder instead  ' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send denial' }));
      fireEvent.click(screen.queryByRole('button', { name: 'Send denial' }) ?? document.body);
    });
    expect(approvalCalls()).toEqual([{ command: 'approval', approvalId: 'ap-1', decision: 'denied', note: 'Use the trash folder instead', threadId: 'thread-1' }]);
    expect(screen.getByRole('status').textContent).toBe('Your denial was sent');
    expect(document.activeElement).toBe(screen.getByRole('status'));
  });

  it('closes the note with Cancel or Escape without sending, and returns focus to its button', () => {
    const { approvalCalls } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'No, and say why…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'No, and say why…' }));
    fireEvent.click(screen.getByRole('button', { name: 'No, and say why…' }));
    fireEvent.keyDown(screen.getByLabelText('Tell the agent why (optional)'), { key: 'Escape' });
    expect(screen.queryByLabelText('Tell the agent why (optional)')).toBeNull();
    expect(approvalCalls()).toHaveLength(0);
  });

  it('shows a decision made without a connection as queued, sent once, and sending once connected', () => {
    const { client, approvalCalls } = setup();
    client.reply = () => new Promise(() => {});
    act(() => client.setConnection('reconnecting'));
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const status = document.querySelector('.platos-approval-status');
    expect(status?.getAttribute('data-state')).toBe('queued');
    expect(status?.textContent).toBe('Your approval will be sent when the connection is back');
    expect(approvalCalls()).toHaveLength(1);
    act(() => client.setConnection('open'));
    expect(status?.getAttribute('data-state')).toBe('sending');
  });

  it('lets the user try again after a failed send', async () => {
    const { client, approvalCalls } = setup();
    client.reply = async () => {
      throw Object.assign(new Error('Approval expired'), { code: 'expired' });
    };
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Deny' })));
    expect(screen.getByRole('alert').textContent).toBe('Could not send your denial: Approval expired');
    client.reply = async () => ({});
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Deny' })));
    expect(approvalCalls()).toHaveLength(2);
  });

  it('shows the outcome of its own decision without buttons', async () => {
    const { resolve } = setup();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Approve' })));
    resolve('approved', 'user');
    expect(screen.queryByRole('button')).toBeNull();
    expect(region().getAttribute('data-state')).toBe('approved');
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Approved by user');
    expect(status.getAttribute('data-resolved')).toBe('here');
    expect(document.activeElement).toBe(status);
    await expectAccessible(region());
  });

  it('shows a decision made by someone else as resolved elsewhere', async () => {
    const { resolve } = setup();
    resolve('denied', 'admin');
    expect(screen.queryByRole('button')).toBeNull();
    expect(region().getAttribute('data-state')).toBe('denied');
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Resolved elsewhere: Denied by admin');
    expect(status.getAttribute('data-resolved')).toBe('elsewhere');
    await expectAccessible(region());
  });

  it('shows a server-side expiry or cancellation', () => {
    const { resolve } = setup();
    resolve('expired', 'server');
    expect(region().getAttribute('data-state')).toBe('expired');
    expect(screen.getByRole('status').textContent).toBe('Expired without a decision by server');
    expect(screen.getByRole('status').getAttribute('data-resolved')).toBeNull();
  });

  it('does not claim "elsewhere" for an outcome that was already there when the card appeared (a reload)', () => {
    const harness = createPlatosHarness();
    render(<ApprovalPrompt id="ap-1" />, { wrapper: harness.Wrapper });
    const turnId = harness.startTurn();
    harness.push(
      harness.event('approval-pending', turnId, { approvalId: 'ap-1', tool: 'run_shell', args: {} }),
      harness.event('approval-resolved', turnId, { approvalId: 'ap-1', decision: 'approved', resolvedBy: 'user' }),
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Approved by user');
    expect(status.getAttribute('data-resolved')).toBe('unknown');
  });

  it('counts down once a second without re-rendering the rest of the card, then locks the buttons', async () => {
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1, 12, 0, 0), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // useLabels reads each of its keys once per render: reads of the prompt's key count the prompt's renders.
    let promptRenders = 0;
    const labels = new Proxy({} as Record<string, string>, {
      get(_, key) {
        if (key === 'approvalApprove') promptRenders += 1;
        return undefined;
      },
    });
    let commits = 0;
    const { approvalCalls, client, scheduler } = setup({
      expiresAt: Date.now() + 65_000,
      wrap: (children) => (
        <ChatCustomizationProvider value={{ toolRenderers: {}, labels }}>
          <Profiler id="approval" onRender={() => (commits += 1)}>
            {children}
          </Profiler>
        </ChatCustomizationProvider>
      ),
    });
    const countdown = document.querySelector('.platos-approval-expiry')!;
    expect(countdown.textContent).toBe('Expires in 1:05');
    expect(countdown.getAttribute('data-state')).toBe('counting');
    expect(countdown.getAttribute('dateTime')).toBe('2030-01-01T12:01:05.000Z');
    const rendersBefore = promptRenders;
    const commitsBefore = commits;

    const seen = new Set<string>();
    // Each tick joins the next frame's update, as a store change would.
    const advance = (ms: number) =>
      act(() => {
        vi.advanceTimersByTime(ms);
        scheduler.runFrame();
      });
    for (let step = 0; step < 20; step += 1) {
      advance(250);
      seen.add(countdown.textContent!);
    }
    expect(countdown.textContent).toBe('Expires in 1:00');
    expect([...seen]).toEqual(['Expires in 1:05', 'Expires in 1:04', 'Expires in 1:03', 'Expires in 1:02', 'Expires in 1:01', 'Expires in 1:00']);
    expect(commits - commitsBefore).toBe(5);
    expect(promptRenders - rendersBefore).toBe(0);

    advance(60_000);
    expect(promptRenders - rendersBefore).toBe(1);
    expect(commits - commitsBefore).toBeLessThanOrEqual(66);
    expect(document.querySelector('.platos-approval-expiry')?.textContent).toBe('Time is up');
    expect(document.querySelector('.platos-approval-expiry')?.getAttribute('data-state')).toBe('expired');
    const approve = screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    client.reply = async () => ({});
    fireEvent.click(approve);
    expect(approvalCalls()).toHaveLength(0);
    vi.useRealTimers();
    await expectAccessible(region());
  });

  it('shows the moment rather than ticking while the expiry is over an hour away', () => {
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1, 12, 0, 0), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { scheduler } = setup({ expiresAt: Date.now() + 2 * 3_600_000 });
    const countdown = document.querySelector('.platos-approval-expiry')!;
    expect(countdown.getAttribute('data-state')).toBe('scheduled');
    expect(countdown.textContent).toMatch(/^Expires at /);
    act(() => {
      vi.advanceTimersByTime(3_600_000 + 1_000);
      scheduler.runFrame();
    });
    expect(countdown.textContent).toBe('Expires in 59:59');
  });

  it('forwards className and rest props', () => {
    const harness = createPlatosHarness();
    render(<ApprovalPrompt id="ap-1" className="mine" data-testid="prompt" />, { wrapper: harness.Wrapper });
    const turnId = harness.startTurn();
    harness.push(harness.event('approval-pending', turnId, { approvalId: 'ap-1', tool: 't', args: {} }));
    expect(screen.getByTestId('prompt').className).toBe('platos-approval mine');
  });
});
