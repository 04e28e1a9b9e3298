import type { APIRequestContext, Page } from '@playwright/test';

/**
 * Lets the page load the demo (its HTML, scripts and styles) from the demo server while the browser context is
 * offline, as a service worker or the HTTP cache would: requests to the demo's own origin are fetched by the test
 * process and fulfilled, everything else (the mock server's sockets and history) stays offline. A reload while
 * `context.setOffline(true)` then shows what the app does with no network at all.
 */
export async function serveDemoWhileOffline(page: Page, request: APIRequestContext, demoOrigin: string): Promise<void> {
  // Chromium cannot tell where a fulfilled document came from and treats it as public, so Local Network Access would
  // block its sockets to the mock server on 127.0.0.1; a page loaded from a real local server is allowed that anyway.
  await page.context().grantPermissions(['local-network-access']);
  await page.route(
    (url) => url.origin === demoOrigin,
    async (route) => {
      try {
        await route.fulfill({ response: await request.fetch(route.request()) });
      } catch {
        // The page went away mid-request, or the demo server did not answer: the page sees a failed request.
        await route.abort('failed').catch(() => {});
      }
    },
  );
}
