import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_SCENARIO_TEXT } from '../mock-server/scenarios/index.js';

/** Text as a reader sees it: markdown syntax (list numbers, fence info, link targets) gone, every letter and digit kept in order. */
const readable = (text: string) =>
  text
    .replace(/^\s*\d+[.)]\s/gm, '')
    .replace(/^```\S*$/gm, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[^\p{L}\p{N}]/gu, '');

async function openFreshThread(page: Page, name: string) {
  await page.goto(`/?thread=${name}-${Date.now()}`);
  await expect(page.getByRole('status').filter({ hasText: /connected|live/i }).first()).toBeVisible();
}

async function send(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

test('a full turn renders all 17 event types and finishes with the server text', async ({ page }) => {
  await openFreshThread(page, 'e2e-full');
  await send(page, 'Plan a trip to Lisbon');

  await expect(page.getByRole('article', { name: 'You' })).toHaveText('Plan a trip to Lisbon');
  const assistant = page.getByRole('article', { name: 'Assistant' });
  await expect(assistant).toHaveAttribute('aria-busy', 'true');

  const approve = page.getByRole('button', { name: 'Approve' });
  await expect(approve).toBeEnabled({ timeout: 30_000 });
  await approve.click();
  await expect(approve).toBeHidden();

  await expect(assistant).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
  await expect(assistant).not.toHaveAttribute('aria-busy', 'true');

  const toolCalls = assistant.getByRole('region', { name: /^Tool call:/ });
  await expect(toolCalls.first()).toBeVisible();
  await expect(assistant.locator('.platos-tool-call-status[data-state="succeeded"]').first()).toBeVisible();
  await expect(assistant.locator('.platos-tool-call-status[data-state="failed"]').first()).toBeVisible();
  await expect(assistant.getByLabel('Arguments').first()).not.toBeEmpty();
  await expect(assistant.getByLabel('Result').first()).not.toBeEmpty();

  const artifact = assistant.getByRole('region', { name: /^Artifact:/ }).first();
  await expect(artifact).toBeVisible();
  await expect(artifact.locator('.platos-artifact-version')).toHaveText(/^v(\d+) of \1$/);
  await expect(artifact.locator('.platos-artifact-version')).not.toHaveText('v1 of 1');

  await expect(assistant.locator('.platos-step[data-state="finished"]')).toHaveCount(2);
  await expect(assistant.getByText(/Remembered/)).toBeVisible();
  await expect(assistant.getByText(/Recalled \d+ memor/)).toBeVisible();
  await expect(assistant.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(assistant.locator('.platos-run[data-state="succeeded"]')).toBeVisible();
  await expect(assistant.getByRole('region', { name: /^Approval:/ })).toHaveAttribute('data-state', 'approved');
  await expect(assistant.getByRole('note').filter({ hasText: /Temporary problem/i })).toBeVisible();
  await expect(assistant.locator('.platos-message-footer')).toHaveAttribute('data-state', 'stop');

  // Without the real host the chat shows after a link whose text does not name it: that is not the server's text.
  const rendered = (
    await assistant.locator('.platos-message-body > .platos-markdown').evaluateAll((elements) =>
      elements.map((element) => {
        const copy = element.cloneNode(true) as Element;
        for (const host of copy.querySelectorAll('.platos-link-host')) host.remove();
        return copy.textContent ?? '';
      }),
    )
  ).join('');
  expect(readable(rendered)).toBe(readable(DEFAULT_SCENARIO_TEXT));
  await page.screenshot({ path: 'test-results/screenshots/full-turn-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/full-turn-dark.png' });
});

test('plain text arrives exactly as sent, and the composer is ready for the next message', async ({ page }) => {
  await openFreshThread(page, 'e2e-echo');
  await send(page, 'echo The quick brown fox jumps over 13 lazy dogs.');
  const assistant = page.getByRole('article', { name: 'Assistant' });
  await expect(assistant).toHaveAttribute('data-state', 'finished');
  await expect(assistant.locator('.platos-markdown')).toHaveText(/The quick brown fox jumps over 13 lazy dogs\./);
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
});
