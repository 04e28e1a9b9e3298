import { expect, test, type Browser, type Page } from '@playwright/test';
import { holdDevServerUpdates } from './support/dev-server.js';
import { CHAT_NAMESPACE, GATEWAY_NAMESPACE, socketCensus, type CensusSocket } from './support/socket-census.js';
import { renderedTranscript, type RenderedMessage } from './support/transcript.js';

// Tabs of one origin, agent and user share one chat socket: one tab (the leader) holds it, the others get its frames
// and send their commands over BroadcastChannel. What one tab does shows in the others at once; when the leader tab
// closes, another takes over and resumes where it was.

const APPROVE_TEXT = 'approve Delete the report shared by three tabs';
const LONG_TEXT = 'long Explain event sourcing';
/** Within this, a change made in one tab shows in the others: no server round trip fits (the sockets are held anyway). */
const AT_ONCE_MS = 500;
/** A new leader holds the socket within this after the old one closed. */
const TAKEOVER_MS = 2_000;
/** Text deltas (over every socket) after which the long turn counts as mid-stream; it has about 700. */
const MID_TURN_DELTAS = 150;

const pill = (page: Page) => page.locator('[role="status"].platos-connection-status');
const userMessage = (page: Page, text: string) => page.getByRole('article', { name: 'You' }).filter({ hasText: text });
const assistants = (page: Page) => page.getByRole('article', { name: 'Assistant' });
const approvalButton = (page: Page, name: 'Approve' | 'Deny') => page.getByRole('region', { name: /^Approval:/ }).getByRole('button', { name, exact: true });

async function send(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

/** The transcript, with a decision another tab of the same user made read as this tab's own (the wording differs, the decision does not). */
async function transcriptOf(page: Page): Promise<RenderedMessage[]> {
  return (await renderedTranscript(page)).map((message) =>
    message.role === 'user'
      ? message
      : { ...message, parts: message.parts.map((part) => (part.kind === 'approval' ? { ...part, status: part.status.replace(/^Resolved elsewhere: /, '') } : part)) },
  );
}

/** The same message on a fresh thread in a context of its own (its own socket), never cut. */
async function uncutRun(browser: Browser, baseURL: string, text: string): Promise<RenderedMessage[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/?thread=e2e-shared-tabs-uncut-${Date.now()}`);
    await expect(pill(page)).toHaveAttribute('data-state', 'live');
    await send(page, text);
    await expect(assistants(page)).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    return await transcriptOf(page);
  } finally {
    await context.close();
  }
}

const describeSockets = (sockets: readonly CensusSocket[]) => sockets.map((socket) => `${socket.tab}${socket.closedAt === null ? '' : ' (closed)'}`);

test('three tabs: one chat socket, a message and an approval shown in every tab at once, and a leader that closes mid-turn', async ({
  page,
  context,
  browser,
  baseURL,
}, testInfo) => {
  await holdDevServerUpdates(context);
  const census = socketCensus();
  const tabs = [page, await context.newPage(), await context.newPage()];
  const tabNames = ['tab 1', 'tab 2', 'tab 3'];
  for (const [index, tab] of tabs.entries()) await census.attach(tab, tabNames[index]!);
  const threadUrl = `/?thread=e2e-shared-tabs-${Date.now()}`;
  for (const tab of tabs) await tab.goto(threadUrl);
  for (const tab of tabs) await expect(pill(tab)).toHaveAttribute('data-state', 'live');
  // The election and any socket a losing tab might have started are over by now.
  await page.waitForTimeout(1_000);

  const chatSockets = census.of(CHAT_NAMESPACE);
  const gatewaySockets = census.of(GATEWAY_NAMESPACE);
  const socketReport = `chat sockets: ${JSON.stringify(describeSockets(chatSockets))}; gateway (/connections) sockets: ${JSON.stringify(describeSockets(gatewaySockets))}; unknown: ${census.sockets.length - chatSockets.length - gatewaySockets.length}; polling refused: ${census.pollingRequests}`;
  console.log(socketReport);
  testInfo.annotations.push({ type: 'sockets at load', description: socketReport });
  expect(describeSockets(chatSockets), 'one chat socket in total among the three tabs').toHaveLength(1);
  const leaderName = chatSockets[0]!.tab;
  const leader = tabs[tabNames.indexOf(leaderName)]!;

  // A message sent in tab 1 shows in tabs 2 and 3 while no server frame can reach any tab.
  census.hold();
  await send(tabs[0]!, APPROVE_TEXT);
  await Promise.all(
    tabs.slice(1).map(async (tab) => {
      await expect(userMessage(tab, APPROVE_TEXT), 'the message shows in the other tabs as soon as it is queued').toBeVisible({ timeout: AT_ONCE_MS });
      await expect(userMessage(tab, APPROVE_TEXT)).toHaveAttribute('data-state', /^(queued|sending)$/, { timeout: AT_ONCE_MS });
    }),
  );
  census.release();
  for (const tab of tabs) await expect(approvalButton(tab, 'Approve')).toBeEnabled();

  // Approved in tab 2: the buttons of tabs 1 and 3 are disabled before any server answer can arrive.
  census.hold();
  await approvalButton(tabs[1]!, 'Approve').click();
  await Promise.all(
    [tabs[0]!, tabs[2]!].flatMap((tab) => [
      expect(approvalButton(tab, 'Approve'), 'a decision made in one tab disables the buttons in every tab').toBeDisabled({ timeout: AT_ONCE_MS }),
      expect(approvalButton(tab, 'Deny')).toBeDisabled({ timeout: AT_ONCE_MS }),
    ]),
  );
  census.release();
  for (const tab of tabs) {
    await expect(tab.getByRole('region', { name: /^Approval:/ })).toHaveAttribute('data-state', 'approved');
    await expect(assistants(tab)).toHaveAttribute('data-state', 'finished');
  }
  const approveTranscripts = await Promise.all(tabs.map(transcriptOf));
  expect(approveTranscripts[1], 'tab 2 shows the turn as tab 1 does').toEqual(approveTranscripts[0]);
  expect(approveTranscripts[2], 'tab 3 shows the turn as tab 1 does').toEqual(approveTranscripts[0]);
  expect(census.sent('message:send'), 'the message went over the wire once').toHaveLength(1);
  expect(census.sent('approval:respond'), 'the decision went over the wire once').toHaveLength(1);

  // A long turn; the leader tab closes while it streams, and the other two finish it. The turn streams in under
  // 3 s at the e2e speed, so its frames are held once some of its text has passed: the tabs stay mid-turn, whatever
  // the server does, until the leader is gone.
  const rest = tabs.filter((tab) => tab !== leader);
  let deltasSeen = 0;
  const midTurn = census.holdWhenServerSends((frame) => (deltasSeen += frame.split('"type":"text-delta"').length - 1) >= MID_TURN_DELTAS);
  await send(rest[0]!, LONG_TEXT);
  await midTurn;
  for (const tab of rest) await expect(assistants(tab).nth(1)).toHaveAttribute('aria-busy', 'true');
  const closedAt = Date.now();
  await leader.close();
  census.release();
  await expect(() => {
    const open = census.of(CHAT_NAMESPACE, { open: true });
    expect(open.map((socket) => ({ tab: socket.tab, openedAfterClose: socket.openedAt >= closedAt }))).toEqual([
      { tab: expect.not.stringMatching(`^${leaderName}$`) as unknown as string, openedAfterClose: true },
    ]);
  }, `another tab holds the one chat socket within ${TAKEOVER_MS} ms`).toPass({ timeout: TAKEOVER_MS });
  const successor = census.of(CHAT_NAMESPACE, { open: true }).find((socket) => socket.openedAt >= closedAt);
  console.log(`takeover: the next tab opened the chat socket ${successor!.openedAt - closedAt} ms after the leader closed`);
  const firstSubscribe = () =>
    successor?.packets.find((packet) => packet.direction === 'page' && packet.name === 'thread:subscribe')?.data[1] as { lastEventId?: string } | undefined;
  await expect
    .poll(() => firstSubscribe()?.lastEventId, { message: 'the new leader resumes from its last applied event', timeout: 5_000 })
    .toEqual(expect.any(String));

  for (const tab of rest) await expect(assistants(tab).nth(1)).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
  const [first, second] = await Promise.all(rest.map(transcriptOf));
  expect(second, 'both remaining tabs show the same thread').toEqual(first);
  const uncut = await uncutRun(browser, baseURL!, LONG_TEXT);
  expect(uncut.map((message) => message.role)).toEqual(['user', 'assistant']);
  expect(first!.slice(-2), 'the turn the leader left mid-stream ends as an uncut run does').toEqual(uncut);
  expect(census.sent('message:send'), 'each message went over the wire once').toHaveLength(2);
});

test('a leader tab that hangs: another takes over within about three seconds, and the hung one steps down when it recovers', async ({ page, context }) => {
  await holdDevServerUpdates(context);
  const census = socketCensus();
  const tabs = [page, await context.newPage()];
  for (const [index, tab] of tabs.entries()) await census.attach(tab, `tab ${index + 1}`);
  const threadUrl = `/?thread=e2e-hung-leader-${Date.now()}`;
  for (const tab of tabs) await tab.goto(threadUrl);
  for (const tab of tabs) await expect(pill(tab)).toHaveAttribute('data-state', 'live');
  await page.waitForTimeout(1_000);
  const [leaderSocket] = census.of(CHAT_NAMESPACE, { open: true });
  const leader = tabs[Number(leaderSocket!.tab.slice(-1)) - 1]!;
  const follower = tabs.find((tab) => tab !== leader)!;

  // Hung, as a frozen or busy tab is: it runs nothing, answers no message, and still holds its lock and its socket.
  const HANG_MS = 6_000;
  void leader.evaluate((ms) => {
    const until = Date.now() + ms;
    while (Date.now() < until);
  }, HANG_MS);
  const hungAt = Date.now();
  await expect(() => {
    expect(census.of(CHAT_NAMESPACE, { open: true }).filter((socket) => socket.tab !== leaderSocket!.tab && socket.openedAt >= hungAt)).toHaveLength(1);
  }, 'the other tab opens the chat socket').toPass({ timeout: HANG_MS - 1_000 });
  const takeoverMs = census.of(CHAT_NAMESPACE, { open: true }).find((socket) => socket.openedAt >= hungAt)!.openedAt - hungAt;
  console.log(`hung leader: the other tab opened the chat socket ${takeoverMs} ms after the hang began`);
  expect(takeoverMs).toBeLessThan(3_500);
  await expect(pill(follower)).toHaveAttribute('data-state', 'live');
  await send(follower, 'echo Sent while the leader hangs');
  await expect(assistants(follower)).toHaveAttribute('data-state', 'finished');

  // Recovered, the old leader finds its lock taken: it closes its socket and follows; it shows the same thread.
  await expect(() => expect(census.of(CHAT_NAMESPACE, { open: true }).map((socket) => socket.tab)).toEqual([expect.not.stringMatching(`^${leaderSocket!.tab}$`)])).toPass({
    timeout: 5_000,
  });
  await expect(assistants(leader)).toHaveAttribute('data-state', 'finished');
  expect(await transcriptOf(leader)).toEqual(await transcriptOf(follower));
  expect(census.sent('message:send')).toHaveLength(1);
});
