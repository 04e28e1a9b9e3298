import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { startCassetteServer } from './support/cassette-server.js';
import { renderedTranscript } from './support/transcript.js';

const question = 'Plan a trip to Lisbon';

async function sendAndFinish(page: Page, approve: boolean) {
  await expect(page.getByRole('status').filter({ hasText: /connected|live/i }).first()).toBeVisible();
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(question);
  await composer.press('Enter');
  const assistant = page.getByRole('article', { name: 'Assistant' });
  if (approve) {
    const approveButton = page.getByRole('button', { name: 'Approve' });
    await expect(approveButton).toBeEnabled({ timeout: 30_000 });
    await approveButton.click();
  }
  await expect(assistant).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
}

test('the inspector scrubs a finished turn and downloads the session, which the mock server replays to the same transcript', async ({ page, browser, baseURL }, testInfo) => {
  await page.goto(`/?thread=e2e-devtools-${Date.now()}`);
  await sendAndFinish(page, true);
  const original = await renderedTranscript(page);

  await page.keyboard.press('Alt+Shift+D');
  const inspector = page.getByRole('region', { name: 'Platos devtools' });
  await expect(inspector.getByRole('listbox', { name: 'Events' })).toContainText('finish');
  await inspector.getByRole('tab', { name: 'Time travel' }).click();
  await inspector.getByRole('button', { name: 'First' }).click();
  const asOf = inspector.getByRole('region', { name: 'View as of the selected event' });
  const live = inspector.getByRole('region', { name: 'Live view' });
  const textLength = async (region: typeof asOf) => Number(await region.getAttribute('data-text-length'));
  expect(await textLength(asOf)).toBe(0);
  expect(await textLength(live)).toBeGreaterThan(100);

  const download = page.waitForEvent('download');
  await inspector.getByRole('button', { name: 'Download cassette' }).click();
  const path = testInfo.outputPath('session.json');
  await (await download).saveAs(path);
  const cassette = JSON.parse(await readFile(path, 'utf8')) as { version: number; frames: { event: { type?: string } }[] };
  expect(cassette.version).toBe(1);
  expect(cassette.frames.map((frame) => frame.event.type)).toContain('turn-start');
  expect(cassette.frames.at(-1)?.event.type).toBe('finish');

  const server = await startCassetteServer(path, 8);
  // The demo's CSP allows only the first mock server; the replayed page talks to the second.
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const replayed = await context.newPage();
    await replayed.goto(`${baseURL}/?server=${encodeURIComponent(server.url)}&thread=e2e-replayed-${Date.now()}`);
    // Nobody clicks here: the recorded decision resolves the approval on its own, so this tab may read it as made
    // elsewhere (when the prompt was on screen before the decision came); the rest of the transcript is the recorded one.
    await sendAndFinish(replayed, false);
    const replayedTranscript = await renderedTranscript(replayed);
    const approvalStatuses = replayedTranscript.flatMap((message) =>
      message.role === 'assistant' ? message.parts.flatMap((part) => (part.kind === 'approval' ? [part] : [])) : [],
    );
    expect(approvalStatuses.map((part) => part.status)).toEqual([expect.stringMatching(/^(Resolved elsewhere: )?Approved by user$/)]);
    for (const part of approvalStatuses) part.status = part.status.replace('Resolved elsewhere: ', '');
    expect(replayedTranscript).toEqual(original);
  } finally {
    await context.close();
    server.stop();
  }
});
