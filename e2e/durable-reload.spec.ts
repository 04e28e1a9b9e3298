import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { writeFile, mkdir } from 'node:fs/promises';
import { seededAssistantText, seededUserText } from '../mock-server/seed-thread.js';
import { holdDevServerUpdates } from './support/dev-server.js';
import { firstMessageTiming, recordFirstMessage, type FirstMessageTiming } from './support/first-message-timing.js';
import { serveDemoWhileOffline } from './support/offline-demo.js';
import { socketCensus } from './support/socket-census.js';
import { routeSockets, type SocketCutter } from './support/socket-cut.js';
import { seedThread } from './support/thread-seed.js';
import { renderedTranscript } from './support/transcript.js';

// What the user did survives a reload: the outbox (sends, approval answers) and the thread's view are kept in
// IndexedDB, shown at once on the next load (marked cached) and sent exactly once when the network is back.

const APPROVE_TEXT = 'approve Delete the report from the train';
const APPROVED_ANSWER = 'Done: the file is deleted.';
const ECHO_TEXT = 'echo Written offline, then reloaded';
const SAVED_VIEW_STATUS = 'Showing saved messages; updating…';
const SEEDED_TURNS = 250;
const TIMING_RUNS = 3;
const TIMINGS_FILE = 'test-results/durability-timings.json';

const pill = (page: Page) => page.locator('[role="status"].platos-connection-status');
const messageList = (page: Page) => page.locator('.platos-message-list');
const savedViewStatus = (page: Page) => page.getByRole('status').filter({ hasText: SAVED_VIEW_STATUS });
const userMessage = (page: Page, text: string) => page.getByRole('article', { name: 'You' }).filter({ hasText: text });
const assistants = (page: Page) => page.getByRole('article', { name: 'Assistant' });
const approvalCard = (page: Page) => page.getByRole('region', { name: /^Approval:/ });

async function send(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

async function goOffline(page: Page, context: BrowserContext, sockets: SocketCutter) {
  await context.setOffline(true);
  sockets.setOffline(true);
  await sockets.cut(200);
  await expect(pill(page)).toHaveAttribute('data-state', 'offline');
}

const reachedServer = (sockets: SocketCutter) => sockets.counts.sockets - sockets.counts.refused;

/** The view on screen came from storage: marked cached, and saying it is being updated. */
async function expectSavedView(page: Page) {
  await expect(messageList(page)).toHaveAttribute('data-cached', 'true', { timeout: 5_000 });
  await expect(savedViewStatus(page)).toBeVisible({ timeout: 5_000 });
}

/** The server has confirmed the view: no longer marked cached. */
async function expectConfirmedView(page: Page) {
  await expect(messageList(page)).not.toHaveAttribute('data-cached', 'true');
  await expect(savedViewStatus(page)).toBeHidden();
}

test('an approval answered offline and a message sent offline each survive a reload and reach the server exactly once', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  await holdDevServerUpdates(context);
  // The routes belong to the Page, which outlives its reloads: these counts cover every load of the test.
  const sockets = await routeSockets(page);
  await serveDemoWhileOffline(page, request, new URL(baseURL!).origin);
  await page.goto(`/?thread=e2e-durable-reload-${Date.now()}`);
  await expect(pill(page)).toHaveAttribute('data-state', 'live');

  // An approval the turn waits for, answered while offline; then the page is reloaded, still offline.
  await send(page, APPROVE_TEXT);
  await expect(approvalCard(page).getByRole('button', { name: 'Approve' })).toBeEnabled();
  await goOffline(page, context, sockets);
  await approvalCard(page).getByRole('button', { name: 'Approve' }).click();
  await expect(approvalCard(page).getByRole('button', { name: 'Approve' })).toBeDisabled();
  const socketsBeforeFirstReload = reachedServer(sockets);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expect(pill(page)).toHaveAttribute('data-state', 'offline');
  await expectSavedView(page);
  await expect(userMessage(page, APPROVE_TEXT)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/offline-reload-approval-kept.png' });
  // The decision is kept: the card shows it as made, not as a question asked again.
  await expect(approvalCard(page).getByRole('button', { name: 'Approve' })).toBeDisabled();
  expect(reachedServer(sockets), 'no socket reached the server while offline').toBe(socketsBeforeFirstReload);
  expect(sockets.sent('approval:respond')).toBe(0);

  sockets.setOffline(false);
  await context.setOffline(false);
  await expect(pill(page)).toHaveAttribute('data-state', 'live');
  await expect(approvalCard(page)).toHaveAttribute('data-state', 'approved');
  await expect(assistants(page)).toHaveAttribute('data-state', 'finished');
  await expect(assistants(page)).toContainText(APPROVED_ANSWER);
  await expectConfirmedView(page);

  // A message sent while offline; the page is reloaded before it could leave.
  await goOffline(page, context, sockets);
  await send(page, ECHO_TEXT);
  await expect(userMessage(page, ECHO_TEXT)).toHaveAttribute('data-state', 'queued');
  const socketsBeforeSecondReload = reachedServer(sockets);
  await page.reload();
  await expect(pill(page)).toHaveAttribute('data-state', 'offline');
  await expect(userMessage(page, ECHO_TEXT)).toHaveAttribute('data-state', 'queued', { timeout: 5_000 });
  await expect(userMessage(page, ECHO_TEXT)).toContainText(ECHO_TEXT);
  await expectSavedView(page);
  expect(reachedServer(sockets), 'no socket reached the server while offline').toBe(socketsBeforeSecondReload);

  sockets.setOffline(false);
  await context.setOffline(false);
  await expect(pill(page)).toHaveAttribute('data-state', 'live');
  await expect(assistants(page)).toHaveCount(2);
  await expect(assistants(page).nth(1)).toHaveAttribute('data-state', 'finished');
  await expect(assistants(page).nth(1)).toContainText(ECHO_TEXT.replace(/^echo /, ''));
  await expectConfirmedView(page);

  // On the wire, across all three loads: each command once, under the key it was made with.
  const sends = sockets.packets
    .filter((packet) => packet.direction === 'page' && packet.type === 'event' && packet.name === 'message:send')
    .map((packet) => packet.data[1] as { text: string; clientMessageId: string });
  expect(sends.map((sent) => sent.text)).toEqual([APPROVE_TEXT, ECHO_TEXT]);
  const echoKey = sends[1]!.clientMessageId;
  expect(sends.filter((sent) => sent.clientMessageId === echoKey)).toHaveLength(1);
  const answers = sockets.packets
    .filter((packet) => packet.direction === 'page' && packet.type === 'event' && packet.name === 'approval:respond')
    .map((packet) => packet.data[1] as { approvalId: string; decision: string });
  expect(answers).toEqual([expect.objectContaining({ decision: 'approved' })]);
  expect(sockets.acks('approval:respond')).toEqual([{ ok: true }]);
  expect(sockets.acks('message:send')).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);

  // On screen: each message once, both turns finished, the approval approved.
  const transcript = await renderedTranscript(page);
  expect(transcript.map((message) => (message.role === 'user' ? `you: ${message.text}` : `assistant: ${message.state}`))).toEqual([
    `you: ${APPROVE_TEXT}`,
    'assistant: finished',
    `you: ${ECHO_TEXT}`,
    'assistant: finished',
  ]);
  const approvals = transcript.flatMap((message) => (message.role === 'assistant' ? message.parts.filter((part) => part.kind === 'approval') : []));
  expect(approvals).toEqual([expect.objectContaining({ state: 'approved' })]);
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 10) / 10;

test(`a thread of ${SEEDED_TURNS * 2} messages: time to first message uncached and cached, and the saved view before any network reply`, async ({
  browser,
  request,
  baseURL,
}) => {
  const threadId = `e2e-durable-long-${Date.now()}`;
  const seeded = await seedThread(request, threadId, SEEDED_TURNS);
  expect(seeded.messages).toBe(SEEDED_TURNS * 2);
  const threadUrl = `${baseURL}/?thread=${threadId}`;
  const newestUser = seededUserText(SEEDED_TURNS);
  const newestAnswer = seededAssistantText(SEEDED_TURNS);

  /** A fresh context (nothing stored), its page loaded once and left live with the whole thread shown. */
  const openUncached = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await recordFirstMessage(page);
    return { context, page };
  };
  const loadWhole = async (page: Page) => {
    await expect(pill(page)).toHaveAttribute('data-state', 'live');
    await expect(userMessage(page, newestUser)).toBeVisible();
    await expect(assistants(page).filter({ hasText: newestAnswer })).toBeVisible();
  };

  const uncached: FirstMessageTiming[] = [];
  const cached: FirstMessageTiming[] = [];
  for (let run = 0; run < TIMING_RUNS; run += 1) {
    const { context, page } = await openUncached();
    try {
      await page.goto(threadUrl);
      uncached.push(await firstMessageTiming(page));
      await loadWhole(page);
      await expectConfirmedView(page);
      // The snapshot is written after the view settles; give it a moment before the reload reads it.
      await page.waitForTimeout(500);
      await page.reload();
      cached.push(await firstMessageTiming(page));
      await loadWhole(page);
    } finally {
      await context.close();
    }
  }
  const timings = {
    threadMessages: SEEDED_TURNS * 2,
    repetitions: TIMING_RUNS,
    uncachedMs: uncached.map((timing) => round(timing.at)),
    cachedMs: cached.map((timing) => round(timing.at)),
    medianUncachedMs: round(median(uncached.map((timing) => timing.at))),
    medianCachedMs: round(median(cached.map((timing) => timing.at))),
    // Whether the reload's first message came from the saved view (the list's data-cached at that moment).
    cachedViewShown: cached.map((timing) => timing.cached === 'true'),
    measuredAt: new Date().toISOString(),
  };
  await mkdir('test-results', { recursive: true });
  await writeFile(TIMINGS_FILE, `${JSON.stringify(timings, null, 2)}\n`);
  console.log(`time to first message (${TIMINGS_FILE}): ${JSON.stringify(timings)}`);
  for (const timing of uncached) expect(timing.cached, 'a fresh context has nothing saved').not.toBe('true');
  expect(timings.cachedViewShown, 'every reload starts from the saved view').toEqual(cached.map(() => true));

  // The saved view needs no network: with the history endpoint and every socket held, it is on screen anyway.
  const { context, page } = await openUncached();
  try {
    const census = socketCensus();
    await census.attach(page, 'only');
    const history = { requests: 0, held: null as Promise<void> | null };
    await page.route(/\/api\/threads\//, async (route) => {
      history.requests += 1;
      await history.held;
      await route.continue().catch(() => {});
    });
    await page.goto(threadUrl);
    await loadWhole(page);
    await expectConfirmedView(page);
    await page.waitForTimeout(500);

    let releaseHistory!: () => void;
    history.held = new Promise<void>((resolve) => (releaseHistory = resolve));
    census.hold();
    const framesBeforeReload = census.serverFrames;
    await page.reload();
    try {
      await expect(page.locator('.platos-message-list article').first()).toBeVisible({ timeout: 5_000 });
      await expectSavedView(page);
      await expect(userMessage(page, newestUser)).toBeVisible();
      await expect(assistants(page).filter({ hasText: newestAnswer })).toBeVisible();
      expect(census.serverFrames, 'no server frame reached the page while held').toBe(framesBeforeReload);
      await page.screenshot({ path: 'test-results/screenshots/saved-view-before-network.png' });
    } finally {
      census.release();
      releaseHistory();
    }
    await expect(pill(page)).toHaveAttribute('data-state', 'live');
    await expectConfirmedView(page);
    await expect(userMessage(page, newestUser)).toBeVisible();
    console.log(`history requests over both loads: ${history.requests}`);
  } finally {
    await context.close();
  }
});
