import { expect, test } from '@playwright/test';
import { DEFAULT_OUTRO_TEXT } from '../../mock-server/scenarios/index.js';
import { MOCK_AGENT_URL, STORY_TEST_SPEED } from '../../stories/mock-agent/mock-agent-config.js';

const fullTurnStoryId = 'chat-platoschat--full-turn';

/** Hosts of every http(s) and ws(s) address in `urls`; data: and blob: addresses never leave the page. */
function hostsOf(urls: readonly string[]): Set<string> {
  const hosts = new Set<string>();
  for (const url of urls) {
    const parsed = new URL(url);
    if (['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) hosts.add(parsed.host);
  }
  return hosts;
}

test('the built Storybook plays a full turn with its in-page mock agent and asks no other host for anything', async ({ page, context }) => {
  const origin = `http://127.0.0.1:${process.env['STORYBOOK_STATIC_PORT']}`;
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  page.on('websocket', (socket) => requested.push(socket.url()));

  // The story's play function sends the first message itself; this test then sends a second one of its own.
  await page.goto(`${origin}/iframe.html?id=${fullTurnStoryId}&viewMode=story&globals=mockSpeed:${STORY_TEST_SPEED}`);
  const answers = page.getByRole('article', { name: 'Assistant' });
  await expect(answers.first()).toHaveAttribute('data-state', 'finished', { timeout: 45_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${origin}/mockServiceWorker.js`);

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('How should a streaming chat handle reconnects?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(answers).toHaveCount(2);
  const approve = page.getByRole('button', { name: 'Approve' });
  await approve.click({ timeout: 30_000 });
  await expect(approve).toBeHidden();

  const answer = answers.nth(1);
  await expect(answer).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
  await expect(answer.getByRole('region', { name: 'Approval: publish_summary' })).toHaveAttribute('data-state', 'approved');
  await expect(answer.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(answer).toContainText(DEFAULT_OUTRO_TEXT.trim());
  await expect(page.locator('.platos-connection-status')).toHaveAttribute('data-state', 'live');

  const allowedHosts = new Set([new URL(origin).host, new URL(MOCK_AGENT_URL).host]);
  const hosts = hostsOf(requested);
  expect(hosts.has(new URL(origin).host)).toBe(true);
  expect([...hosts].filter((host) => !allowedHosts.has(host))).toEqual([]);
});
