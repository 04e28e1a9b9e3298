import { expect, test, type Page } from '@playwright/test';
import { holdDevServerUpdates } from './support/dev-server.js';
import { routeSockets } from './support/socket-cut.js';

// The demo offers the agent `read_filters`, a tool that runs in the page and reads the trip filters there (it takes
// 1.2 s). The mock agent's `browser` scenario calls it over the connections gateway and answers with its values.

const SCREENSHOTS = 'test-results/screenshots';

const pill = (page: Page) => page.locator('[role="status"].platos-connection-status');
const assistant = (page: Page) => page.getByRole('article', { name: 'Assistant' });
const filtersCard = (page: Page) => assistant(page).getByRole('region', { name: 'Tool call: read_filters' });
const reads = (page: Page) => page.locator('[data-reads]');

async function openWithFilters(page: Page, name: string) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`/?thread=${name}-${Date.now()}`);
  await expect(pill(page)).toHaveAttribute('data-state', 'live');
  await page.getByLabel('Region').selectOption('Asia');
  await page.getByLabel('Budget (EUR)').fill('900');
  await page.getByLabel('Days').fill('5');
  // The workspace entity arrives over the same gateway the tool uses: once it shows, the tool set is synced too.
  await expect(page.getByRole('region', { name: 'Workspace' }).getByText('Lisbon trip')).toBeVisible();
  return errors;
}

const answerText = (page: Page) => assistant(page).locator('.platos-message-body > .platos-markdown').allTextContents().then((parts) => parts.join(''));

test.describe('a tool that runs in the browser', () => {
  test.beforeEach(async ({ context }) => {
    await holdDevServerUpdates(context);
  });

  test('the agent calls it, the card says it runs here, and the answer uses what it read', async ({ page }) => {
    const errors = await openWithFilters(page, 'e2e-browser-tool');
    await page.getByRole('button', { name: 'Browser tool', exact: true }).click();

    await expect(filtersCard(page)).toHaveAttribute('data-runs-in', 'browser');
    await expect(filtersCard(page).getByText('Running in your browser')).toBeVisible();
    await expect(filtersCard(page).getByText('Reading region, budget, days from your filters…')).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/browser-tool-running.png` });

    await expect(assistant(page)).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await expect(filtersCard(page)).toHaveAttribute('data-state', 'succeeded');
    await expect(filtersCard(page).getByText('Shared with the agent: region Asia, budget 900, days 5.')).toBeVisible();
    const answer = await answerText(page);
    expect(answer).toContain('Asia');
    expect(answer).toContain('900');
    await expect(reads(page)).toHaveAttribute('data-reads', '1');
    await page.screenshot({ path: `${SCREENSHOTS}/browser-tool-done.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SCREENSHOTS}/browser-tool-done-dark.png` });
    expect(errors).toEqual([]);
  });

  test('when the agent asks first, the tool runs only after Approve; after Deny it never runs', async ({ page }) => {
    await openWithFilters(page, 'e2e-browser-tool-approve');
    await page.getByRole('button', { name: 'Browser tool, asks first', exact: true }).click();
    const approval = assistant(page).getByRole('region', { name: /^Approval:/ });
    await expect(approval.getByRole('button', { name: 'Approve' })).toBeEnabled();
    await expect(reads(page)).toHaveAttribute('data-reads', '0');
    await approval.getByRole('button', { name: 'Approve' }).click();
    await expect(assistant(page)).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    expect(await answerText(page)).toContain('region Asia, budget 900, days 5');
    await expect(reads(page)).toHaveAttribute('data-reads', '1');

    await page.getByRole('button', { name: 'Browser tool, asks first', exact: true }).click();
    const second = assistant(page).nth(1);
    await second.getByRole('region', { name: /^Approval:/ }).getByRole('button', { name: 'Deny' }).click();
    await expect(second).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await expect(second).toContainText('I did not read your filters');
    await expect(reads(page)).toHaveAttribute('data-reads', '1');
  });

  test('arguments the page does not accept are refused without running the tool, and the agent says so', async ({ page }) => {
    await openWithFilters(page, 'e2e-browser-tool-invalid');
    await page.getByRole('button', { name: 'Browser tool fails', exact: true }).click();
    await expect(assistant(page)).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await expect(filtersCard(page)).toHaveAttribute('data-state', 'failed');
    await expect(filtersCard(page)).toContainText('Invalid arguments for read_filters: fields.0');
    const answer = await answerText(page);
    expect(answer).toContain('I could not read your filters');
    expect(answer).toContain('(invalid_args)');
    await expect(reads(page)).toHaveAttribute('data-reads', '0');
  });

  test('a network cut while the tool runs: it runs once, its result is delivered after the reconnect, the turn finishes', async ({ page }) => {
    const sockets = await routeSockets(page);
    await openWithFilters(page, 'e2e-browser-tool-cut');
    await page.getByRole('button', { name: 'Browser tool', exact: true }).click();
    await expect(filtersCard(page).getByText('Running in your browser')).toBeVisible();

    await sockets.cut(2_000, async () => {
      await expect(pill(page)).toHaveAttribute('data-state', 'reconnecting');
      // The tool finishes while the page is offline: its answer waits for the connection.
      await expect(filtersCard(page).getByText('Shared with the agent: region Asia, budget 900, days 5.')).toBeVisible();
      expect(sockets.sent('tool:result')).toBe(0);
    });

    await expect(assistant(page)).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await expect(filtersCard(page)).toHaveAttribute('data-state', 'succeeded');
    const answer = await answerText(page);
    expect(answer).toContain('Asia');
    expect(answer).toContain('900');
    await expect(reads(page)).toHaveAttribute('data-reads', '1');
    expect(sockets.sent('tool:result')).toBe(1);
    expect(sockets.packets.filter((packet) => packet.direction === 'server' && packet.name === 'tool:invoke')).toHaveLength(1);
    expect(sockets.counts.cuts).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/browser-tool-after-cut.png` });
  });

  test('the workspace entity stays current over the gateway, through a cut', async ({ page }) => {
    const sockets = await routeSockets(page);
    await openWithFilters(page, 'e2e-entity');
    const version = page.getByRole('region', { name: 'Workspace' }).locator('dd').nth(3);
    const before = Number(await version.textContent());
    await expect.poll(async () => Number(await version.textContent()), { timeout: 10_000 }).toBeGreaterThan(before);
    await sockets.cut(3_000);
    const afterCut = Number(await version.textContent());
    await expect.poll(async () => Number(await version.textContent()), { timeout: 10_000 }).toBeGreaterThan(afterCut);
  });
});
