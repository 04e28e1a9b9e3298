import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { DEFAULT_SCENARIO_TEXT } from '../mock-server/scenarios/index.js';
import { holdDevServerUpdates } from './support/dev-server.js';
import { expireReplay, historyApprovalStates } from './support/mock-server.js';
import { routeSockets } from './support/socket-cut.js';
import { pillStates, recordPillStates } from './support/status-pill.js';
import { assistantText, readable, renderedTranscript, type RenderedMessage } from './support/transcript.js';

// Socket cuts in real Chromium against the real mock server: the page's WebSocket is closed (both sides) with
// page.routeWebSocket, new sockets are refused for the length of the cut, then let through again.

const DEFAULT_MESSAGE = 'Plan a trip to Lisbon';
const SCREENSHOTS = 'test-results/screenshots';

const pill = (page: Page) => page.locator('[role="status"].platos-connection-status');
const assistant = (page: Page) => page.getByRole('article', { name: 'Assistant' });
const approvalOf = (page: Page) => assistant(page).getByRole('region', { name: /^Approval:/ });
const firstToolCall = (page: Page) => assistant(page).getByRole('region', { name: /^Tool call:/ }).first();

async function openThread(page: Page, threadId: string) {
  await page.goto(`/?thread=${threadId}`);
  await expect(pill(page)).toHaveAttribute('data-state', 'live');
}

async function send(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

async function approveAndFinish(page: Page) {
  const approve = approvalOf(page).getByRole('button', { name: 'Approve' });
  await expect(approve).toBeEnabled({ timeout: 30_000 });
  await approve.click();
  await expect(assistant(page)).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
}

/** The same message in a fresh thread on a second page whose socket is never touched. */
async function goldenRun(context: BrowserContext, name: string, text: string, withApproval: boolean): Promise<RenderedMessage[]> {
  const page = await context.newPage();
  try {
    await openThread(page, `${name}-golden-${Date.now()}`);
    await send(page, text);
    if (withApproval) await approveAndFinish(page);
    else await expect(assistant(page)).toHaveAttribute('data-state', 'finished');
    const transcript = await renderedTranscript(page);
    // The golden run itself must be whole, or comparing against it proves nothing.
    expect(transcript.filter((message) => message.role === 'assistant')).toHaveLength(1);
    return transcript;
  } finally {
    await page.close();
  }
}

test.describe('socket cuts: nothing lost, nothing doubled, nothing left hanging', () => {
  test.beforeEach(async ({ context }) => {
    await holdDevServerUpdates(context);
  });

  test('a 2 s cut mid-turn resumes in place: transcript equals an uncut run, no resync, nothing doubled', async ({
    page,
    context,
    request,
  }) => {
    const golden = await goldenRun(context, 'e2e-cut-short', DEFAULT_MESSAGE, true);
    expect(assistantText(golden)).toBe(readable(DEFAULT_SCENARIO_TEXT));

    const sockets = await routeSockets(page);
    await recordPillStates(page);
    const threadId = `e2e-cut-short-${Date.now()}`;
    await openThread(page, threadId);
    await send(page, DEFAULT_MESSAGE);
    await firstToolCall(page).waitFor();

    const mark = sockets.packets.length;
    await sockets.cut(2_000, async () => {
      await expect(pill(page)).toHaveAttribute('data-state', 'reconnecting');
      // The server streams on to the approval while the page hears nothing: all of that can only come by replay.
      await expect.poll(() => historyApprovalStates(request, sockets.serverUrl(), threadId), { timeout: 20_000 }).toEqual(['pending']);
      await expect(approvalOf(page)).toHaveCount(0);
      await expect(assistant(page)).toHaveAttribute('data-state', 'streaming');
    });
    await approveAndFinish(page);

    const transcript = await renderedTranscript(page);
    expect(transcript).toEqual(golden);
    expect(assistantText(transcript)).toBe(readable(DEFAULT_SCENARIO_TEXT));
    await expect(assistant(page)).toHaveCount(1);
    await expect(page.getByRole('article', { name: 'You' })).toHaveCount(1);

    const states = await pillStates(page);
    expect(states).toContain('reconnecting');
    expect(states).not.toContain('resyncing');
    await expect(pill(page)).toHaveAttribute('data-state', 'live');

    const afterCut = sockets.packets.slice(mark);
    const resubscribes = afterCut.filter((packet) => packet.type === 'ack' && packet.name === 'thread:subscribe').map((packet) => packet.data[0]);
    expect(resubscribes).toEqual([expect.objectContaining({ ok: true, resumed: true })]);
    expect(afterCut.filter((packet) => packet.direction === 'server' && packet.name === 'approval-pending')).toHaveLength(1);
    // The page asked for batched frames and got them: the replay above came in `batch` frames.
    expect(sockets.counts.batches).toBeGreaterThan(0);
    expect(sockets.sent('message:send')).toBe(1);
    expect(sockets.sent('approval:respond')).toBe(1);
    expect(sockets.counts.refused).toBeGreaterThan(0);
    expect(sockets.counts.pollingRequests).toBe(0);
  });

  test('Approve clicked during a cut is queued, sent exactly once after the reconnect, and the turn finishes', async ({ page, context }) => {
    const golden = await goldenRun(context, 'e2e-cut-approve', DEFAULT_MESSAGE, true);

    const sockets = await routeSockets(page);
    await recordPillStates(page);
    await openThread(page, `e2e-cut-approve-${Date.now()}`);
    await send(page, DEFAULT_MESSAGE);
    const approval = approvalOf(page);
    const approve = approval.getByRole('button', { name: 'Approve' });
    await expect(approve).toBeEnabled({ timeout: 30_000 });

    await sockets.cut(3_000, async () => {
      await expect(pill(page)).toHaveAttribute('data-state', 'reconnecting');
      await approve.click();
      // Queued, not lost and not failed: the prompt stays, says the approval waits for the connection, and
      // takes no second decision.
      await expect(approval).toHaveAttribute('data-state', 'pending');
      const status = approval.locator('.platos-approval-status');
      await expect(status).toHaveAttribute('role', 'status');
      await expect(status).toHaveAttribute('data-state', 'queued');
      await expect(status).toHaveText(/approval/i);
      await expect(approval.getByRole('button', { name: 'Approve' })).toBeDisabled();
      await expect(approval.getByRole('button', { name: 'Deny' })).toBeDisabled();
      await expect(approval.getByRole('alert')).toHaveCount(0);
      expect(sockets.sent('approval:respond')).toBe(0);
      await page.screenshot({ path: `${SCREENSHOTS}/socket-cut-approval-queued.png` });
    });

    await expect.poll(() => sockets.sent('approval:respond'), { timeout: 30_000 }).toBe(1);
    await expect(approval).toHaveAttribute('data-state', 'approved');
    await expect(assistant(page)).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await expect(approvalOf(page)).toHaveCount(1);
    await expect(approval.locator('.platos-approval-status')).toHaveText(/^Approved( by \S+)?$/);

    expect(sockets.sent('approval:respond')).toBe(1);
    expect(sockets.acks('approval:respond')).toEqual([expect.objectContaining({ ok: true })]);
    expect(sockets.sent('message:send')).toBe(1);
    expect(await pillStates(page)).toContain('reconnecting');
    expect(await renderedTranscript(page)).toEqual(golden);
    expect(sockets.counts.pollingRequests).toBe(0);
  });

  test('a cut longer than the replay window resyncs from history: transcript equals an uncut run, one assistant message', async ({
    page,
    context,
    request,
  }) => {
    const golden = await goldenRun(context, 'e2e-cut-expired', DEFAULT_MESSAGE, true);

    const sockets = await routeSockets(page);
    await recordPillStates(page);
    const threadId = `e2e-cut-expired-${Date.now()}`;
    await openThread(page, threadId);
    await send(page, DEFAULT_MESSAGE);
    await firstToolCall(page).waitFor();

    const mark = sockets.packets.length;
    await sockets.cut(1_000, async () => {
      await expect(pill(page)).toHaveAttribute('data-state', 'reconnecting');
      await expect(assistant(page)).toHaveAttribute('data-state', 'streaming');
      // Let the server run on to the approval the page has not seen, then make everything it missed unreplayable.
      await expect.poll(() => historyApprovalStates(request, sockets.serverUrl(), threadId), { timeout: 20_000 }).toEqual(['pending']);
      await expireReplay(request, sockets.serverUrl());
    });
    await approveAndFinish(page);

    const transcript = await renderedTranscript(page);
    expect(transcript).toEqual(golden);
    expect(assistantText(transcript)).toBe(readable(DEFAULT_SCENARIO_TEXT));
    await expect(assistant(page)).toHaveCount(1);
    await expect(page.getByRole('article', { name: 'You' })).toHaveCount(1);
    await expect(assistant(page)).toHaveAttribute('data-state', 'finished');

    const states = await pillStates(page);
    expect(states).toContain('reconnecting');
    expect(states).toContain('resyncing');
    expect(states.indexOf('resyncing')).toBeGreaterThan(states.indexOf('reconnecting'));
    await expect(pill(page)).toHaveAttribute('data-state', 'live');

    const resubscribes = sockets.packets
      .slice(mark)
      .filter((packet) => packet.type === 'ack' && packet.name === 'thread:subscribe')
      .map((packet) => packet.data[0]);
    expect(resubscribes).toEqual([expect.objectContaining({ ok: true, resumed: false })]);
    expect(sockets.sent('message:send')).toBe(1);
    expect(sockets.sent('approval:respond')).toBe(1);
    expect(sockets.counts.pollingRequests).toBe(0);
  });

  test('a message sent during a cut shows as queued with its text and is delivered exactly once after the reconnect', async ({
    page,
    context,
  }) => {
    const text = 'echo Sent while the socket was cut';
    const golden = await goldenRun(context, 'e2e-cut-send', text, false);

    const sockets = await routeSockets(page);
    await recordPillStates(page);
    await openThread(page, `e2e-cut-send-${Date.now()}`);

    await sockets.cut(3_000, async () => {
      await expect(pill(page)).toHaveAttribute('data-state', 'reconnecting');
      await expect(pill(page)).toHaveText('Reconnecting');
      await send(page, text);
      const queued = page.getByRole('article', { name: 'You' });
      await expect(queued).toHaveCount(1);
      await expect(queued).toHaveAttribute('data-state', 'queued');
      await expect(queued.locator('.platos-message-bubble')).toHaveText(text);
      await expect(queued.locator('.platos-message-meta')).toHaveText(/queued/i);
      await expect(assistant(page)).toHaveCount(0);
      expect(sockets.sent('message:send')).toBe(0);
      await page.screenshot({ path: `${SCREENSHOTS}/socket-cut-queued-message.png` });
    });

    await expect(assistant(page)).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    const users = page.getByRole('article', { name: 'You' });
    await expect(users).toHaveCount(1);
    await expect(users).toHaveText(text);
    await expect(users).not.toHaveAttribute('data-state', /queued|sending|failed/);
    await expect(assistant(page)).toHaveCount(1);
    expect(sockets.sent('message:send')).toBe(1);
    expect(sockets.acks('message:send')).toEqual([expect.objectContaining({ ok: true })]);
    expect(await renderedTranscript(page)).toEqual(golden);
    expect(await pillStates(page)).toContain('reconnecting');
    await expect(pill(page)).toHaveAttribute('data-state', 'live');
    expect(sockets.counts.pollingRequests).toBe(0);
  });
});
